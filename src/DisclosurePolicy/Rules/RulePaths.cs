namespace DisclosurePolicy.Rules;

/// <summary>
/// Maps the positions of built versions and clauses back to their positions in the definition they came from, for the
/// paths of validation problems, when some versions or clauses of the definition could not be built.
/// </summary>
internal sealed class RulePaths
{
    private readonly int[]? _versions;
    private readonly int[][]? _clauses;
    private readonly int[]? _declaredClauses;
    private readonly IReadOnlySet<int>? _unplaced;

    /// <param name="declaredVersions">How many versions the definition lists.</param>
    /// <param name="versions">For each built version, its index in the definition.</param>
    /// <param name="clauses">For each built version, the definition index of each built clause.</param>
    /// <param name="declaredClauses">For each built version, how many clauses the definition lists.</param>
    /// <param name="unplaced">The built versions whose dates could not be read; they are left out of the overlap checks.</param>
    public RulePaths(int declaredVersions, int[]? versions, int[][]? clauses, int[]? declaredClauses, IReadOnlySet<int>? unplaced)
    {
        _unplaced = unplaced;
        DeclaredVersions = declaredVersions;
        _versions = versions;
        _clauses = clauses;
        _declaredClauses = declaredClauses;
    }

    /// <summary>Gets the paths of a definition whose every version and clause was built.</summary>
    public static RulePaths Identity { get; } = new(0, null, null, null, null);

    public int DeclaredVersions { get; }

    public string Version(int built) => $"versions[{(_versions is null ? built : _versions[built])}]";

    public string Clause(int version, int built) =>
        $"{Version(version)}.clauses[{(_clauses is null ? built : _clauses[version][built])}]";

    public bool IsPlaced(int version) => _unplaced is null || !_unplaced.Contains(version);

    public int DeclaredClauses(int version, int built) => _declaredClauses is null ? built : _declaredClauses[version];
}
