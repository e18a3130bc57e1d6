using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>Which Terms-of-Service items a category of offence violates.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class OffenceMapping
{
    /// <summary>Initializes a new instance of the <see cref="OffenceMapping"/> class.</summary>
    /// <param name="offence">The offence category.</param>
    /// <param name="items">The items it violates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public OffenceMapping(OffenceCategory offence, params IEnumerable<TosItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Offence = offence;
        Items = Array.AsReadOnly(items.Distinct().Order().ToArray());
    }

    /// <summary>Gets the offence category.</summary>
    public OffenceCategory Offence { get; }

    /// <summary>Gets the items it violates.</summary>
    public IReadOnlyList<TosItem> Items { get; }

    /// <summary>Returns the mapping in words.</summary>
    /// <returns>For example <c>Terrorism -> IllegalInMajorityOfCountries</c>.</returns>
    public override string ToString() => $"{Offence} -> {string.Join(", ", Items)}";
}
