namespace DisclosurePolicy.Internal;

/// <summary>Compares bit sets held as arrays of 64-bit words by content.</summary>
internal sealed class WordsComparer : IEqualityComparer<ulong[]>
{
    public static WordsComparer Instance { get; } = new();

    public bool Equals(ulong[]? x, ulong[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(ulong[] obj)
    {
        var hash = default(HashCode);
        foreach (ulong word in obj)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }
}
