using System.Globalization;
using System.Text;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing.Internal;

namespace DisclosurePolicy.Testing;

/// <summary>
/// Rule coverage: over the decisions of a suite (or of a generated sample), which clauses of each version fired, and which
/// clause no decision reached, named so a case can be written for it.
/// </summary>
/// <remarks>
/// <para>A clause fired in a decision when the decision reports it among its reasons: a deny or not-applicable clause
/// wherever its condition held, a pending or permitting clause where it decided an item. This is what the engine's
/// explanation shows, so coverage counts exactly what a reader of the decisions sees.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RuleCoverage
{
    private RuleCoverage(IEnumerable<VersionCoverage> versions)
    {
        Versions = Array.AsReadOnly(versions.ToArray());
    }

    /// <summary>Gets the coverage of each version, in the policy's order.</summary>
    public IReadOnlyList<VersionCoverage> Versions { get; }

    /// <summary>Gets the share of all the versions' clauses that fired, from 0 to 100.</summary>
    public double Percent
    {
        get
        {
            int clauses = Versions.Sum(v => v.ClauseIds.Count);
            return clauses == 0 ? 100 : 100.0 * Versions.Sum(v => v.Fired.Count) / clauses;
        }
    }

    /// <summary>Measures the coverage of a policy's versions by some decisions (for example those of a suite's results).</summary>
    /// <param name="policy">The policy whose versions are measured; decisions under other versions are not counted.</param>
    /// <param name="decisions">The decisions.</param>
    /// <returns>The coverage of every version of the policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RuleCoverage Of(Policy policy, IEnumerable<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decisions);
        Decision[] all = [.. decisions];
        return new RuleCoverage(policy.Versions.Select(v =>
        {
            Decision[] mine = [.. all.Where(d => string.Equals(d.VersionId, v.Id, StringComparison.Ordinal))];
            return new VersionCoverage(
                v.Id,
                v.Clauses.Select(c => c.Id).Distinct(StringComparer.Ordinal),
                mine.SelectMany(d => d.Reasons).Select(r => r.ClauseId).OfType<string>(),
                mine.Length);
        }));
    }

    /// <summary>Measures the coverage of a policy's versions by the results of a suite.</summary>
    /// <param name="policy">The policy the suite ran under.</param>
    /// <param name="results">The results.</param>
    /// <returns>The coverage of every version of the policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RuleCoverage Of(Policy policy, IEnumerable<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Of(policy, results.Select(r => r.Decision));
    }

    /// <summary>Measures the coverage of one version by a sample of requests (for example a generated one), each decided
    /// by that version.</summary>
    /// <param name="version">The version.</param>
    /// <param name="sample">The requests.</param>
    /// <returns>The coverage of the version.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RuleCoverage Of(RuleVersion version, IEnumerable<LegalRequest> sample)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(sample);
        Decision[] decisions = [.. sample.Select(r => KitEngines.Any.Evaluate(r, version))];
        return new RuleCoverage(
        [
            new VersionCoverage(
                version.Id,
                version.Clauses.Select(c => c.Id).Distinct(StringComparer.Ordinal),
                decisions.SelectMany(d => d.Reasons).Select(r => r.ClauseId).OfType<string>(),
                decisions.Length),
        ]);
    }

    /// <summary>Renders the coverage as plain text: a line per version, then each unreached clause on its own line.</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Rule coverage: {Versions.Sum(v => v.Fired.Count)} of {Versions.Sum(v => v.ClauseIds.Count)} clauses fired ({Percent:0.0} %)").AppendLine();
        foreach (VersionCoverage version in Versions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {version.VersionId}: {version.Fired.Count} of {version.ClauseIds.Count} ({version.Percent:0.0} %), {version.Decisions} decision(s)").AppendLine();
            foreach (string clause in version.Unreached)
            {
                text.Append("    not reached: ").AppendLine(clause);
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the overall coverage on one line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent:0.0} % of clauses fired");
}
