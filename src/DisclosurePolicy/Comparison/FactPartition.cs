namespace DisclosurePolicy.Comparison;

/// <summary>
/// How a comparison divided the values of one fact: into classes the clauses of both versions cannot tell apart.
/// </summary>
/// <remarks><para>Shown in a difference's Markdown and JSON (<c>partitions</c>). Immutable and safe to share across
/// threads.</para></remarks>
internal sealed class FactPartition
{
    internal FactPartition(string key, string name, IEnumerable<string> classes)
    {
        Key = key;
        Name = name;
        Classes = Array.AsReadOnly(classes.ToArray());
    }

    /// <summary>Gets the stable key of the fact, such as <c>instrument</c>.</summary>
    internal string Key { get; }

    /// <summary>Gets the fact in words, such as <c>issuing authority</c>.</summary>
    internal string Name { get; }

    /// <summary>Gets each class in words; a single class means no clause looks at the fact.</summary>
    internal IReadOnlyList<string> Classes { get; }

    /// <summary>Returns the fact and its number of classes.</summary>
    /// <returns>For example <c>issuing authority: 2 classes</c>.</returns>
    public override string ToString() => $"{Name}: {Classes.Count} class{(Classes.Count == 1 ? string.Empty : "es")}";
}
