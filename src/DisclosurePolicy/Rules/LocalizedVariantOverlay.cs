using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>The overlay <see cref="JurisdictionOverlay.LocalizedVariant"/> makes; its documentation says what it does.</summary>
internal sealed class LocalizedVariantOverlay : JurisdictionOverlay
{
    /// <summary>Initializes a new instance of the <see cref="LocalizedVariantOverlay"/> class.</summary>
    /// <param name="id">The overlay's identifier, cited by the variant.</param>
    /// <param name="country">The country the variant applies to (an ISO 3166-1 alpha-2 code).</param>
    /// <param name="versionId">The id of the version whose clauses the variant takes.</param>
    /// <param name="effectiveFrom">The first day the variant is in force.</param>
    /// <param name="effectiveUntil">The last day it is in force (inclusive), or <see langword="null"/> for an open end.</param>
    /// <exception cref="ArgumentNullException">A reference argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="versionId"/> is empty, the country code
    /// is not assigned, or the period ends before it starts.</exception>
    public LocalizedVariantOverlay(string id, string country, string versionId, LocalDate effectiveFrom, LocalDate? effectiveUntil)
        : base(id, [country])
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        if (effectiveUntil is LocalDate until && until < effectiveFrom)
        {
            throw new ArgumentException($"The variant's period ends ({IsoDates.Format(until)}) before it starts ({IsoDates.Format(effectiveFrom)}).", nameof(effectiveUntil));
        }

        VersionId = versionId.Trim();
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
    }

    /// <summary>Gets the country the variant applies to.</summary>
    public string Country => Countries[0];

    /// <summary>Gets the id of the version whose clauses the variant takes.</summary>
    public string VersionId { get; }

    /// <summary>Gets the first day the variant is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last day the variant is in force (inclusive), or <see langword="null"/> for an open end.</summary>
    public LocalDate? EffectiveUntil { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The policy has no version <see cref="VersionId"/>.</exception>
    public override Policy ApplyTo(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RuleVersion source = policy.FindVersion(VersionId)
            ?? throw new ArgumentException(
                $"{Citation}: the policy {policy.Id} has no version '{VersionId}'; it has {string.Join(", ", policy.Versions.Select(v => v.Id))}.",
                nameof(policy));
        return new Policy(policy.Id, policy.Title, [.. policy.Versions, Variant(source)]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Citation}: {Describe()}";


    private string Describe()
    {
        string until = EffectiveUntil is LocalDate u ? $" to {IsoDates.Format(u)}" : " onwards";
        return $"the clauses of {VersionId} apply to requests from {Country} from {IsoDates.Format(EffectiveFrom)}{until}.";
    }

    private RuleVersion Variant(RuleVersion source)
    {
        string note = $"Under {Citation}, {Describe()}";
        return new RuleVersion(
            $"{source.Id}-{Country}",
            $"{source.Title} (localized for {Country})",
            EffectiveFrom,
            EffectiveUntil,
            $"{source.Citation}, localized for {Country} by {Citation}",
            source.Wording,
            source.Cadence,
            source.TermsOfService,
            source.Clauses.Select(c => new Clause(c.Id, c.Citation, c.Wording, $"{c.Summary} {note}", c.Condition, c.Effect)),
            [Country]);
    }
}
