using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>The overlay <see cref="JurisdictionOverlay.ProsecutorsAsJudicial"/> makes; its documentation says what it does.</summary>
internal sealed class ProsecutorsAsJudicialOverlay : JurisdictionOverlay
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
