namespace DisclosurePolicy.Comparison;

/// <summary>
/// The classes of one axis of the input space: values the clauses of both versions cannot tell apart share a class.
/// </summary>
internal abstract class AxisPartition
{
    private protected AxisPartition(SpaceAxis axis, string key, string name)
    {
        Axis = axis;
        Key = key;
        Name = name;
    }

    public SpaceAxis Axis { get; }

    /// <summary>Gets the stable key of the axis in JSON, such as <c>instrument</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the axis in words, such as <c>issuing authority</c>.</summary>
    public string Name { get; }

    public abstract int Count { get; }

    /// <summary>Returns how many raw values the class holds (receipt dates count as one).</summary>
    public abstract long Raw(int index);

    /// <summary>Returns the class in words.</summary>
    public abstract string Phrase(int index);

    /// <summary>Describes a set of classes (one bit per class); <see langword="null"/> when it holds every class.</summary>
    public abstract RegionCondition? Describe(ReadOnlySpan<ulong> classes);

    public static bool Has(ReadOnlySpan<ulong> classes, int index) => (classes[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Joins names as <c>A</c>, <c>A or B</c>, <c>A, B or C</c>.</summary>
    public static string JoinOr(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "nothing",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
    };
}
