namespace DisclosurePolicy.Rules;

/// <summary>The configuration shape of a <see cref="TosCatalogue"/>: the dated items and the offence mappings.</summary>
/// <remarks><para>Mutable and not thread-safe. An offence not mapped here violates no item.</para></remarks>
public sealed class TosCatalogueDefinition
{
    /// <summary>Gets or sets the dated items.</summary>
    /// <value>Empty by default.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<TosCatalogueEntryDefinition> Entries { get; set; } = [];

    /// <summary>Gets or sets the offence mappings; an offence may appear once.</summary>
    /// <value>Empty by default.</value>
    public List<OffenceMappingDefinition> Mappings { get; set; } = [];
#pragma warning restore CA2227, CA1002

    /// <summary>Creates the definition of an existing catalogue.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>A new definition that builds an equivalent catalogue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalogue"/> is <see langword="null"/>.</exception>
    public static TosCatalogueDefinition From(TosCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new TosCatalogueDefinition
        {
            Entries =
            [
                .. catalogue.Entries.Select(e => new TosCatalogueEntryDefinition
                {
                    Item = e.Item.ToString(),
                    Wording = e.Wording,
                    InForceFrom = e.InForceFrom == NodaTime.LocalDate.MinIsoValue ? null : Internal.IsoDates.Format(e.InForceFrom),
                    InForceUntil = e.InForceUntil is NodaTime.LocalDate until ? Internal.IsoDates.Format(until) : null,
                }),
            ],
            Mappings =
            [
                .. catalogue.Mappings.Select(m => new OffenceMappingDefinition
                {
                    Offence = m.Offence.ToString(),
                    Items = [.. m.Items.Select(i => i.ToString())],
                }),
            ],
        };
    }

    internal static bool SameAs(TosCatalogue a, TosCatalogue b) =>
        ReferenceEquals(a, b)
        || (a.Entries.SequenceEqual(b.Entries)
            && a.Mappings.Count == b.Mappings.Count
            && a.Mappings.Zip(b.Mappings).All(p => p.First.Offence == p.Second.Offence && p.First.Items.SequenceEqual(p.Second.Items)));
}
