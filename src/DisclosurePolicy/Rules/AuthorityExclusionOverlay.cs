using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>The overlay <see cref="JurisdictionOverlay.AuthorityExclusion"/> makes; its documentation says what it does.</summary>
internal sealed class AuthorityExclusionOverlay : JurisdictionOverlay
{
    /// <summary>Initializes a new instance of the <see cref="AuthorityExclusionOverlay"/> class.</summary>
    /// <param name="id">The overlay's identifier, cited by the clause it adds.</param>
    /// <param name="countries">The countries concerned (ISO 3166-1 alpha-2 codes).</param>
    /// <param name="authorities">The kinds of issuing authority refused; <see langword="null"/> or empty refuses every request from those countries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="countries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, a country code is not assigned, no country is
    /// given, or a kind is <c>Unspecified</c> or undefined.</exception>
    public AuthorityExclusionOverlay(string id, IEnumerable<string> countries, IEnumerable<IssuingAuthorityKind>? authorities)
        : base(id, countries)
    {
        IssuingAuthorityKind[] copy = [.. (authorities ?? []).Distinct().Order()];
        foreach (IssuingAuthorityKind kind in copy)
        {
            if (!EnumValues.IsSpecified(kind))
            {
                throw new ArgumentException($"'{kind}' is not a kind of issuing authority; accepted: {EnumValues.Accepted<IssuingAuthorityKind>()}.", nameof(authorities));
            }
        }

        Authorities = Array.AsReadOnly(copy);
        Condition where = Condition.JurisdictionIs(Countries);
        string who = copy.Length == 0 ? "every authority" : Names(Authorities);
        Clause = new Clause(
            $"overlay/{Id}/excluded",
            Citation,
            $"Requests from {who} of {Names(Countries)} are not considered.",
            $"Under {Citation}, requests from {who} of {Names(Countries)} are refused, whatever the order says.",
            copy.Length == 0 ? where : Condition.All(where, Condition.AuthorityIs(copy)),
            ClauseEffect.Deny(ReasonCodes.JurisdictionExcludedByOverlay));
    }

    /// <summary>Gets the kinds of issuing authority refused; empty when every request from the countries is.</summary>
    public IReadOnlyList<IssuingAuthorityKind> Authorities { get; }

    /// <summary>Gets the deny clause the overlay adds to every version.</summary>
    public Clause Clause { get; }

    /// <inheritdoc/>
    public override Policy ApplyTo(Policy policy) => Rebuild(policy, ApplyTo);

    /// <summary>Applies the overlay to one version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The version with the exclusion clause inserted, or <paramref name="version"/> itself when it already denies
    /// every request (see the remarks on the class).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public RuleVersion ApplyTo(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var clauses = new List<Clause>(version.Clauses);
        int at = 0;
        while (at < clauses.Count
            && clauses[at].Effect.Kind == ClauseEffectKind.Deny
            && clauses[at].Effect.ReasonCode is ReasonCodes.NoDisclosureClauseInForce or ReasonCodes.JurisdictionExcludedByOverlay)
        {
            if (clauses[at].Condition is AllCondition { Operands.Count: 0 })
            {
                return version;
            }

            at++;
        }

        clauses.Insert(at, Clause);
        return WithClauses(version, clauses);
    }

    /// <inheritdoc/>
    public override string ToString() => Clause.Summary;
}
