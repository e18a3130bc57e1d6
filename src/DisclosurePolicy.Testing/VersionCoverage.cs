using System.Globalization;

namespace DisclosurePolicy.Testing;

/// <summary>Which clauses of one rule version a suite or a sample made fire, and which none reached.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class VersionCoverage
{
    internal VersionCoverage(string versionId, IEnumerable<string> clauseIds, IEnumerable<string> fired, int decisions)
    {
        VersionId = versionId;
        ClauseIds = Array.AsReadOnly(clauseIds.ToArray());
        HashSet<string> reached = [.. fired];
        Fired = Array.AsReadOnly(ClauseIds.Where(reached.Contains).ToArray());
        Unreached = Array.AsReadOnly(ClauseIds.Where(c => !reached.Contains(c)).ToArray());
        Decisions = decisions;
    }

    /// <summary>Gets the version's id.</summary>
    public string VersionId { get; }

    /// <summary>Gets the ids of all the version's clauses, in clause order.</summary>
    public IReadOnlyList<string> ClauseIds { get; }

    /// <summary>Gets the ids of the clauses that fired in at least one decision, in clause order.</summary>
    public IReadOnlyList<string> Fired { get; }

    /// <summary>Gets the ids of the clauses no decision reached, in clause order.</summary>
    public IReadOnlyList<string> Unreached { get; }

    /// <summary>Gets how many decisions this version made.</summary>
    public int Decisions { get; }

    /// <summary>Gets the share of the version's clauses that fired, from 0 to 100 (100 for a version without clauses).</summary>
    public double Percent => ClauseIds.Count == 0 ? 100 : 100.0 * Fired.Count / ClauseIds.Count;

    /// <summary>Returns the coverage on one line.</summary>
    /// <returns>For example <c>V2: 12 of 13 clauses (92.3 %), 20 decisions; unreached: 8.3-2024/emergency</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{VersionId}: {Fired.Count} of {ClauseIds.Count} clauses ({Percent:0.0} %), {Decisions} decision(s)")
        + (Unreached.Count == 0 ? string.Empty : $"; unreached: {string.Join(", ", Unreached)}");
}
