using DisclosurePolicy.Rules;

namespace DisclosurePolicy;

/// <summary>
/// How <see cref="DisclosurePolicyServiceCollectionExtensions.AddDisclosurePolicy(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>
/// builds the engine: which rules decide (built-in, defined in configuration or in code), which jurisdiction overlays
/// apply, and the time zone of decision dates.
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
    /// <value>Defaults to <see langword="null"/>: <see cref="Rules"/> decides when set, else <see cref="BuiltInRules.Policy"/>
    /// (V0, V1 and V2 of clause 8.3). Set at most one of <see cref="Policy"/> and <see cref="Rules"/>.</value>
    public Policy? Policy { get; set; }

    /// <summary>Gets or sets rules defined in configuration (the <c>Rules</c> section, in the shape
    /// <see cref="PolicyDefinition"/> documents), which decide instead of the built-in rules.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="Policy"/> decides when set, else <see cref="BuiltInRules.Policy"/>.
    /// Validated with the options: each problem of the definition is reported with its path under <c>Rules.</c>.</value>
    public PolicyDefinition? Rules { get; set; }

    /// <summary>Gets the opt-in jurisdiction overlays applied to the policy, localized variants first, then the others in order.</summary>
    /// <value>Defaults to empty: no overlay, so decisions are those of the policy alone.</value>
    public IList<JurisdictionOverlayOptions> Overlays { get; } = new List<JurisdictionOverlayOptions>();

    /// <summary>Gets the data categories no rule version may ever permit: a ceiling the host sets over its own rules.</summary>
    /// <value>Defaults to empty: no ceiling beyond the rules themselves. The built-in rules permit only the IP address and
    /// the phone number, but a host's own rules (<see cref="Policy"/>, <see cref="Rules"/>) may permit any category; with
    /// for example <c>CloudMessageContent</c>, <c>SecretChatContent</c> and <c>Media</c> here, rules whose permit clause
    /// lists one of them are refused when loaded (at start, or on reload, which then keeps the last valid rules), each
    /// such clause reported with its path.</value>
    /// <remarks><para>Bound from configuration as a list of <see cref="Requests.DataCategory"/> names.</para></remarks>
    public IList<Requests.DataCategory> NeverPermitted { get; } = new List<Requests.DataCategory>();

    /// <summary>Gets or sets the IANA (TZDB) id of the time zone in which decision dates, and so transparency-report
    /// periods, are taken.</summary>
    /// <value>Defaults to <c>UTC</c>. Must be an id that NodaTime's TZDB provider knows, such as <c>Europe/Berlin</c>.</value>
    public string TimeZone { get; set; } = "UTC";
}
