using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>The configuration shape of one <see cref="RuleVersion"/>; part of a <see cref="PolicyDefinition"/>.</summary>
/// <remarks><para>Mutable and not thread-safe. Dates are ISO calendar dates (<c>yyyy-MM-dd</c>); names of enum members are
/// matched without regard to case.</para></remarks>
public sealed class RuleVersionDefinition
{
    /// <summary>Gets or sets the version's identifier, unique within its policy, such as <c>V2</c>.</summary>
    /// <value>Required; no default.</value>
    public string? Id { get; set; }

    /// <summary>Gets or sets a short human title.</summary>
    /// <value>Required; no default.</value>
    public string? Title { get; set; }

    /// <summary>Gets or sets the first day the version is in force, as <c>yyyy-MM-dd</c>.</summary>
    /// <value>Omitted (<see langword="null"/> or empty) for a version in force since always.</value>
    public string? EffectiveFrom { get; set; }

    /// <summary>Gets or sets the last day the version is in force (inclusive), as <c>yyyy-MM-dd</c>.</summary>
    /// <value>Omitted (<see langword="null"/> or empty) while it still is.</value>
    public string? EffectiveUntil { get; set; }

    /// <summary>Gets or sets where the version's text comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</summary>
    /// <value>Required; no default.</value>
    public string? Citation { get; set; }

    /// <summary>Gets or sets the version's full source wording.</summary>
    /// <value>Required; no default.</value>
    public string? Wording { get; set; }

    /// <summary>Gets or sets how often disclosures are reported: <c>None</c>, <c>SemiAnnual</c> or <c>Quarterly</c>.</summary>
    /// <value>Required; no default.</value>
    public string? Cadence { get; set; }

    /// <summary>Gets or sets the ISO 3166-1 alpha-2 codes of the countries a localized variant applies to.</summary>
    /// <value>Empty (the default) for a version that applies to everyone.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<string> Jurisdictions { get; set; } = [];
#pragma warning restore CA2227, CA1002

    /// <summary>Gets or sets the Terms-of-Service catalogue the version's clauses refer to.</summary>
    /// <value><see langword="null"/> (the default) for the built-in catalogue, <see cref="BuiltInRules.TermsOfService"/>.</value>
    public TosCatalogueDefinition? TermsOfService { get; set; }

    /// <summary>Gets or sets the clauses, in the order their reasons are reported.</summary>
    /// <value>At least one; empty by default.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<ClauseDefinition> Clauses { get; set; } = [];
#pragma warning restore CA2227, CA1002

    /// <summary>Creates the definition of an existing version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>A new definition that builds an equivalent version; the catalogue is omitted when it is the built-in one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public static RuleVersionDefinition From(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new RuleVersionDefinition
        {
            Id = version.Id,
            Title = version.Title,
            EffectiveFrom = version.EffectiveFrom == LocalDate.MinIsoValue ? null : IsoDates.Format(version.EffectiveFrom),
            EffectiveUntil = version.EffectiveUntil is LocalDate until ? IsoDates.Format(until) : null,
            Citation = version.Citation,
            Wording = version.Wording,
            Cadence = version.Cadence.ToString(),
            Jurisdictions = [.. version.Jurisdictions],
            TermsOfService = TosCatalogueDefinition.SameAs(version.TermsOfService, BuiltInRules.TermsOfService)
                ? null
                : TosCatalogueDefinition.From(version.TermsOfService),
            Clauses = [.. version.Clauses.Select(ClauseDefinition.From)],
        };
    }

}
