using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Tests.Testing;

/// <summary>Versions with a planted difference from the built-in ones, for checks of the kit that must fail.</summary>
public static class KitVersions
{
    /// <summary>V2 without its criminal-proceeding clause: it also permits in civil, administrative and other cases.</summary>
    public static RuleVersion V2WithoutCriminalTest { get; } = Without(BuiltInRules.V2, "8.3-2024/criminal", "V2-planted");

    /// <summary>A copy of a version without one clause, under another id.</summary>
    public static RuleVersion Without(RuleVersion version, string clauseId, string id) => new(
        id,
        version.Title,
        version.EffectiveFrom,
        version.EffectiveUntil,
        version.Citation,
        version.Wording,
        version.Cadence,
        version.TermsOfService,
        version.Clauses.Where(c => c.Id != clauseId),
        version.Jurisdictions);
}
