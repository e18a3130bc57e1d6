using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>
/// An overlay under which a public prosecutor of the listed countries counts as a judicial authority, optionally only for
/// some data categories (for example the IP address, as EU law lets prosecutors order identification data).
/// </summary>
/// <remarks>
/// <para>By default prosecutors are not judicial authorities. The overlay finds the clauses that test for a judicial
/// issuer by their structure, not by their ids: a clause is one when its condition contains a test of the issuing
/// authority (<see cref="Fact.AuthorityKind"/>) that accepts a court, a judge or an investigating judge but not a public
/// prosecutor. In the built-in versions these are V1's court-order and emergency clauses and V2's judicial-authority and
/// emergency clauses.</para>
/// <para>Each such clause <c>C</c> is split in two, so that requests the overlay does not concern are reported exactly as
/// before. The first keeps <c>C</c>'s id and texts and fires when <c>C</c> does and the issuer is not a prosecutor of the
/// listed countries. The second, <c>{id}/overlay/{overlay id}</c>, follows it, fires only for such a prosecutor, and
/// reads every judicial-issuer test <c>T</c> in <c>C</c> as <c>T or (issuing authority is PublicProsecutor and issuing
/// jurisdiction is one of the countries [and data category is one of the categories])</c>; its summary names the overlay,
/// so its reasons cite it. Both have <c>C</c>'s effect. The instrument test beside <c>T</c> is unchanged: a prosecutor's
/// order must still be an order (for example a European Production Order), not a subpoena or a police request. Versions
/// with no such clause (V0) are unchanged.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class ProsecutorsAsJudicialOverlay : JurisdictionOverlay
{
    private const int Prosecutor = (int)IssuingAuthorityKind.PublicProsecutor;

    private static readonly int[] Judicial =
        [(int)IssuingAuthorityKind.Court, (int)IssuingAuthorityKind.Judge, (int)IssuingAuthorityKind.InvestigatingJudge];

    private readonly Condition _listedProsecutor;
    private readonly Condition _prosecutorCounts;

    /// <summary>Initializes a new instance of the <see cref="ProsecutorsAsJudicialOverlay"/> class.</summary>
    /// <param name="id">The overlay's identifier, cited by the clauses it changes.</param>
    /// <param name="countries">The countries whose prosecutors count as judicial authorities (ISO 3166-1 alpha-2 codes).</param>
    /// <param name="categories">The data categories for which they count; <see langword="null"/> or empty for every category.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="countries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, a country code is not assigned, no country is
    /// given, or a category is <c>Unspecified</c> or undefined.</exception>
    public ProsecutorsAsJudicialOverlay(string id, IEnumerable<string> countries, IEnumerable<DataCategory>? categories)
        : base(id, countries)
    {
        DataCategory[] copy = [.. (categories ?? []).Distinct().Order()];
        foreach (DataCategory category in copy)
        {
            if (!EnumValues.IsSpecified(category))
            {
                throw new ArgumentException($"'{category}' is not a data category; accepted: {EnumValues.Accepted<DataCategory>()}.", nameof(categories));
            }
        }

        Categories = Array.AsReadOnly(copy);
        _listedProsecutor = Condition.All(Condition.AuthorityIs(IssuingAuthorityKind.PublicProsecutor), Condition.JurisdictionIs(Countries));
        _prosecutorCounts = copy.Length == 0 ? _listedProsecutor : Condition.All(_listedProsecutor, Condition.DataCategoryIs(copy));
    }

    /// <summary>Gets the data categories for which prosecutors count as judicial authorities; empty for every category.</summary>
    public IReadOnlyList<DataCategory> Categories { get; }

    /// <inheritdoc/>
    public override Policy ApplyTo(Policy policy) => Rebuild(policy, ApplyTo);

    /// <summary>Applies the overlay to one version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The version with each judicial-issuer clause split (see the remarks on the class), or <paramref name="version"/>
    /// itself when it has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public RuleVersion ApplyTo(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        bool changed = false;
        var clauses = new List<Clause>(version.Clauses.Count);
        foreach (Clause clause in version.Clauses)
        {
            Condition rewritten = Rewrite(clause.Condition);
            if (ReferenceEquals(rewritten, clause.Condition))
            {
                clauses.Add(clause);
                continue;
            }

            changed = true;
            clauses.Add(new Clause(
                clause.Id, clause.Citation, clause.Wording, clause.Summary, Condition.All(Condition.Not(_listedProsecutor), clause.Condition), clause.Effect));
            clauses.Add(new Clause(
                $"{clause.Id}/overlay/{Id}", clause.Citation, clause.Wording, $"{clause.Summary} {Note()}", Condition.All(_listedProsecutor, rewritten), clause.Effect));
        }

        return changed ? WithClauses(version, clauses) : version;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Citation}: {Note()}";

    /// <summary>Returns whether a condition is a test for a judicial issuer (see the remarks on the class).</summary>
    internal static bool IsJudicialIssuerTest(Condition condition) =>
        condition is FactCondition { Fact: Fact.AuthorityKind } test
        && test.ValueNumbers.Any(v => Judicial.Contains(v))
        && !test.ValueNumbers.Contains(Prosecutor);

    private string Note()
    {
        string categories = Categories.Count == 0 ? string.Empty : $" for {Names(Categories)}";
        return $"Under {Citation}, a public prosecutor of {Names(Countries)} counts as a judicial authority{categories}.";
    }

    // Map returns the same instance when nothing below it changed, so untouched clauses stay shared.
    private Condition Rewrite(Condition condition) =>
        condition.Map(test => IsJudicialIssuerTest(test) ? Condition.Any(test, _prosecutorCounts) : test);
}
