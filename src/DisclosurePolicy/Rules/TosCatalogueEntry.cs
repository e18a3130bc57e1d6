using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>One item of the Terms of Service with its exact wording and the dates it was in force.</summary>
/// <remarks><para>Both ends are inclusive; an open end is <see langword="null"/>. Immutable and safe to share across threads.</para></remarks>
public sealed record TosCatalogueEntry
{
    /// <summary>Initializes a new instance of the <see cref="TosCatalogueEntry"/> class.</summary>
    /// <param name="item">The item.</param>
    /// <param name="wording">The item's exact wording.</param>
    /// <param name="inForceFrom">The first day the item was in force.</param>
    /// <param name="inForceUntil">The last day it was in force, or <see langword="null"/> while it still is.</param>
    /// <exception cref="ArgumentNullException"><paramref name="wording"/> is <see langword="null"/>.</exception>
    public TosCatalogueEntry(TosItem item, string wording, LocalDate inForceFrom, LocalDate? inForceUntil)
    {
        ArgumentNullException.ThrowIfNull(wording);
        Item = item;
        Wording = wording;
        InForceFrom = inForceFrom;
        InForceUntil = inForceUntil;
    }

    /// <summary>Gets the item.</summary>
    public TosItem Item { get; }

    /// <summary>Gets the item's exact wording.</summary>
    public string Wording { get; }

    /// <summary>Gets the first day the item was in force.</summary>
    public LocalDate InForceFrom { get; }

    /// <summary>Gets the last day the item was in force (inclusive), or <see langword="null"/> while it still is.</summary>
    public LocalDate? InForceUntil { get; }

    /// <summary>Returns whether the item was in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date lies between the two ends, both included.</returns>
    public bool IsInForceOn(LocalDate date) => date >= InForceFrom && (InForceUntil is null || date <= InForceUntil.Value);
}
