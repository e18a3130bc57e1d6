using DisclosurePolicy.Rules;

namespace DisclosurePolicy;

/// <summary>
/// How <see cref="DisclosurePolicyServiceCollectionExtensions.AddDisclosurePolicy(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>
/// builds the engine: which rules decide, which jurisdiction overlays apply, and the time zone of decision dates.
/// </summary>
/// <remarks>
/// <para>Bind it from configuration with <c>services.AddOptions&lt;DisclosurePolicyOptions&gt;().Bind(section)</c>, or set
/// it in code with the <c>configure</c> overload. The options are validated when the host starts and on every reload;
/// every problem is reported at once, each with its path (for example <c>Overlays[1].Countries[0]</c>). A reload that
/// validates replaces the engine's rule set as a whole; one that does not is refused and the engine keeps deciding under
/// the last valid rule set.</para>
/// <para>A mutable configuration object, not for sharing across threads while it is being changed.</para>
/// </remarks>
public sealed class DisclosurePolicyOptions
{
    /// <summary>Gets or sets a policy the host defined in code, which decides instead of the built-in rules.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="BuiltInRules.Policy"/> (V0, V1 and V2 of clause 8.3) decides.</value>
    public Policy? Policy { get; set; }

    /// <summary>Gets the opt-in jurisdiction overlays applied to the policy, localized variants first, then the others in order.</summary>
    /// <value>Defaults to empty: no overlay, so decisions are those of the policy alone.</value>
    public IList<JurisdictionOverlayOptions> Overlays { get; } = new List<JurisdictionOverlayOptions>();

    /// <summary>Gets or sets the IANA (TZDB) id of the time zone in which decision dates, and so transparency-report
    /// periods, are taken.</summary>
    /// <value>Defaults to <c>UTC</c>. Must be an id that NodaTime's TZDB provider knows, such as <c>Europe/Berlin</c>.</value>
    public string TimeZone { get; set; } = "UTC";
}
