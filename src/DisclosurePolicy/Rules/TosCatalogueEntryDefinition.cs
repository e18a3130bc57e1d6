namespace DisclosurePolicy.Rules;

/// <summary>The configuration shape of one <see cref="TosCatalogueEntry"/>.</summary>
/// <remarks><para>Mutable and not thread-safe.</para></remarks>
public sealed class TosCatalogueEntryDefinition
{
    /// <summary>Gets or sets the item, by <see cref="TosItem"/> name.</summary>
    /// <value>Required; no default.</value>
    public string? Item { get; set; }

    /// <summary>Gets or sets the item's exact wording.</summary>
    /// <value>Required; no default.</value>
    public string? Wording { get; set; }

    /// <summary>Gets or sets the first day the item was in force, as <c>yyyy-MM-dd</c>.</summary>
    /// <value>Omitted (<see langword="null"/> or empty) for an item in force since always.</value>
    public string? InForceFrom { get; set; }

    /// <summary>Gets or sets the last day the item was in force (inclusive), as <c>yyyy-MM-dd</c>.</summary>
    /// <value>Omitted (<see langword="null"/> or empty) while it still is.</value>
    public string? InForceUntil { get; set; }
}
