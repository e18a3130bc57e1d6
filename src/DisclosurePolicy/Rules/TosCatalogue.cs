using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// The dated Terms-of-Service catalogue and the mapping from offence categories to its items. An offence satisfies a
/// Terms-of-Service condition only if it is mapped to an item in force on the relevant date; an unmapped offence never does.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class TosCatalogue
{
    private readonly TosCatalogueEntry[] _entries;
    private readonly ulong[] _itemsByOffence;

    /// <summary>Initializes a new instance of the <see cref="TosCatalogue"/> class.</summary>
    /// <param name="entries">The dated items.</param>
    /// <param name="mappings">The offence mappings; an offence may appear once.</param>
    /// <exception cref="ArgumentNullException">An argument or element is <see langword="null"/>.</exception>
    public TosCatalogue(IEnumerable<TosCatalogueEntry> entries, IEnumerable<OffenceMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(mappings);
        _entries = [.. entries];
        OffenceMapping[] mappingCopy = [.. mappings];
        foreach (TosCatalogueEntry entry in _entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
        }

        _itemsByOffence = new ulong[64];
        foreach (OffenceMapping mapping in mappingCopy)
        {
            ArgumentNullException.ThrowIfNull(mapping, nameof(mappings));
            if ((uint)mapping.Offence < 64)
            {
                foreach (TosItem item in mapping.Items)
                {
                    _itemsByOffence[(int)mapping.Offence] |= FactVector.Bit((int)item);
                }
            }
        }

        Entries = Array.AsReadOnly(_entries);
        Mappings = Array.AsReadOnly(mappingCopy);
    }

    /// <summary>Gets the catalogue with no item and no mapping: no offence violates anything.</summary>
    public static TosCatalogue Empty { get; } = new([], []);

    /// <summary>Gets the dated items.</summary>
    public IReadOnlyList<TosCatalogueEntry> Entries { get; }

    /// <summary>Gets the offence mappings.</summary>
    public IReadOnlyList<OffenceMapping> Mappings { get; }

    /// <summary>Returns the items in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The items, in enum order.</returns>
    public IReadOnlyList<TosItem> ItemsInForceOn(LocalDate date) => Items(InForceMask(date));

    /// <summary>Returns the items that a case's offences violate on a date.</summary>
    /// <param name="offences">The offence categories.</param>
    /// <param name="date">The date.</param>
    /// <returns>The violated items in force on <paramref name="date"/>, in enum order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offences"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<TosItem> ItemsViolated(IEnumerable<OffenceCategory> offences, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(offences);
        ulong mask = 0;
        foreach (OffenceCategory offence in offences)
        {
            if ((uint)offence < 64)
            {
                mask |= FactVector.Bit((int)offence);
            }
        }

        return Items(Violated(mask, date));
    }

    internal ulong Violated(ulong offenceMask, LocalDate date) => Violated(offenceMask) & InForceMask(date);

    /// <summary>The items the offences violate, whether or not in force.</summary>
    internal ulong Violated(ulong offenceMask)
    {
        ulong items = 0;
        ulong remaining = offenceMask;
        while (remaining != 0)
        {
            int offence = System.Numerics.BitOperations.TrailingZeroCount(remaining);
            items |= _itemsByOffence[offence];
            remaining &= remaining - 1;
        }

        return items;
    }

    /// <summary>The items each offence maps to, ignoring dates; for comparison of versions.</summary>
    internal ulong MappedItems(int offence) => (uint)offence < 64 ? _itemsByOffence[offence] : 0;

    internal ulong InForceMask(LocalDate date)
    {
        ulong mask = 0;
        foreach (TosCatalogueEntry entry in _entries)
        {
            if (entry.IsInForceOn(date))
            {
                mask |= FactVector.Bit((int)entry.Item);
            }
        }

        return mask;
    }

    private static TosItem[] Items(ulong mask)
    {
        var items = new List<TosItem>();
        for (int i = 1; i < 64; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                items.Add((TosItem)i);
            }
        }

        return [.. items];
    }
}
