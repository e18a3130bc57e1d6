using DisclosurePolicy.Rules;

namespace DisclosurePolicy;

/// <summary>
/// One jurisdiction overlay as configuration gives it; see <see cref="JurisdictionOverlay"/> and its kinds.
/// </summary>
/// <remarks>
/// <para>Values are names, as in JSON: country codes, <see cref="Requests.DataCategory"/> and
/// <see cref="Requests.IssuingAuthorityKind"/> member names (case-insensitive) and ISO dates (<c>2018-08-14</c>), so that
/// validation can report every wrong value with its path rather than stop at the first.</para>
/// <para>A mutable configuration object, not for sharing across threads while it is being changed.</para>
/// </remarks>
public sealed class JurisdictionOverlayOptions
{
    /// <summary>The <see cref="Kind"/> of a <see cref="JurisdictionOverlay.ProsecutorsAsJudicial"/>.</summary>
    public const string ProsecutorsAsJudicial = nameof(ProsecutorsAsJudicial);

    /// <summary>The <see cref="Kind"/> of an <see cref="JurisdictionOverlay.AuthorityExclusion"/>.</summary>
    public const string AuthorityExclusion = nameof(AuthorityExclusion);

    /// <summary>The <see cref="Kind"/> of a <see cref="JurisdictionOverlay.LocalizedVariant"/>.</summary>
    public const string LocalizedVariant = nameof(LocalizedVariant);

    /// <summary>Gets or sets the overlay's identifier, cited by every clause it changes or adds.</summary>
    /// <value>Required and unique among the overlays (compared without regard to case). Defaults to <see langword="null"/>.</value>
    public string? Id { get; set; }

    /// <summary>Gets or sets the kind of overlay.</summary>
    /// <value>Required: <see cref="ProsecutorsAsJudicial"/>, <see cref="AuthorityExclusion"/> or <see cref="LocalizedVariant"/>
    /// (case-insensitive). Defaults to <see langword="null"/>.</value>
    public string? Kind { get; set; }

    /// <summary>Gets the countries the overlay concerns, as ISO 3166-1 alpha-2 codes.</summary>
    /// <value>At least one; exactly one for <see cref="LocalizedVariant"/>. Defaults to empty.</value>
    public IList<string> Countries { get; } = new List<string>();

    /// <summary>Gets the data categories for which prosecutors count as judicial authorities (<see cref="ProsecutorsAsJudicial"/> only).</summary>
    /// <value><see cref="Requests.DataCategory"/> names, such as <c>IpAddress</c>. Defaults to empty: every category.</value>
    public IList<string> DataCategories { get; } = new List<string>();

    /// <summary>Gets the kinds of issuing authority refused (<see cref="AuthorityExclusion"/> only).</summary>
    /// <value><see cref="Requests.IssuingAuthorityKind"/> names, such as <c>IntelligenceService</c>. Defaults to empty:
    /// every request from the countries is refused.</value>
    public IList<string> Authorities { get; } = new List<string>();

    /// <summary>Gets or sets the id of the version whose clauses a localized variant takes (<see cref="LocalizedVariant"/> only).</summary>
    /// <value>Required for a localized variant, such as <c>V2</c>; must name a version of the policy. Defaults to <see langword="null"/>.</value>
    public string? Version { get; set; }

    /// <summary>Gets or sets the first day a localized variant is in force (<see cref="LocalizedVariant"/> only).</summary>
    /// <value>Required for a localized variant, as an ISO date such as <c>2018-08-14</c>. Defaults to <see langword="null"/>.</value>
    public string? EffectiveFrom { get; set; }

    /// <summary>Gets or sets the last day a localized variant is in force, inclusive (<see cref="LocalizedVariant"/> only).</summary>
    /// <value>An ISO date not before <see cref="EffectiveFrom"/>. Defaults to <see langword="null"/>: an open end.</value>
    public string? EffectiveUntil { get; set; }
}
