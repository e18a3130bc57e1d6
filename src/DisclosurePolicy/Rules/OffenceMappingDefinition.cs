namespace DisclosurePolicy.Rules;

/// <summary>The configuration shape of one <see cref="OffenceMapping"/>.</summary>
/// <remarks><para>Mutable and not thread-safe.</para></remarks>
public sealed class OffenceMappingDefinition
{
    /// <summary>Gets or sets the offence category, by <see cref="Requests.OffenceCategory"/> name.</summary>
    /// <value>Required; no default.</value>
    public string? Offence { get; set; }

    /// <summary>Gets or sets the Terms-of-Service items it violates, by <see cref="TosItem"/> name.</summary>
    /// <value>At least one; empty by default.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<string> Items { get; set; } = [];
#pragma warning restore CA2227, CA1002
}
