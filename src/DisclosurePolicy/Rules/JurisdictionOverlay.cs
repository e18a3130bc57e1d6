using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// An opt-in adjustment of a policy for some countries, made by the host: counting prosecutors as judicial authorities
/// (<see cref="ProsecutorsAsJudicial"/>), refusing some authorities' requests (<see cref="AuthorityExclusion"/>), or a
/// localized variant of a version (<see cref="LocalizedVariant"/>).
/// </summary>
/// <remarks>
/// <para>No overlay is applied unless the host asks for it. Applying one never changes the policy it is given: it
/// returns a new <see cref="Policy"/> whose clauses say, in their summaries, which overlay changed them, so every reason
/// an overlay affects cites it.</para>
/// <para>Immutable and safe to share across threads. Only this library defines kinds of overlay; the three factories make
/// them, under the same names as <see cref="JurisdictionOverlayOptions.Kind"/>.</para>
/// </remarks>
public abstract class JurisdictionOverlay
{
    private protected JurisdictionOverlay(string id, IEnumerable<string> countries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(countries);
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (string? country in countries)
        {
            string code = country?.Trim().ToUpperInvariant() ?? string.Empty;
            if (!CountryCodes.IsAssigned(code))
            {
                unknown.Add($"'{country}'");
            }
            else if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not ISO 3166-1 alpha-2 country codes: {string.Join(", ", unknown)}.", nameof(countries));
        }

        if (codes.Count == 0)
        {
            throw new ArgumentException("An overlay needs at least one country.", nameof(countries));
        }

        Id = id.Trim();
        codes.Sort(StringComparer.Ordinal);
        Countries = codes.AsReadOnly();
    }

    /// <summary>Gets the overlay's identifier, cited by every clause it changes or adds.</summary>
    public string Id { get; }

    /// <summary>Gets the upper-case ISO 3166-1 alpha-2 codes of the countries the overlay concerns, in ordinal order.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>Gets how the overlay names itself in the clauses it changes or adds, such as <c>jurisdiction overlay 'ru'</c>.</summary>
    public string Citation => $"jurisdiction overlay '{Id}'";

    /// <summary>
    /// Makes an overlay under which a public prosecutor of the listed countries counts as a judicial authority, optionally
    /// only for some data categories (for example the IP address, as EU law lets prosecutors order identification data).
    /// </summary>
    /// <param name="id">The overlay's identifier, cited by the clauses it changes.</param>
    /// <param name="countries">The countries whose prosecutors count as judicial authorities (ISO 3166-1 alpha-2 codes).</param>
    /// <param name="categories">The data categories for which they count; <see langword="null"/> or empty for every category.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="countries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, a country code is not assigned, no country is
    /// given, or a category is <c>Unspecified</c> or undefined.</exception>
    /// <remarks>
    /// <para>By default prosecutors are not judicial authorities. The overlay finds the clauses that test for a judicial
    /// issuer by their structure, not by their ids: a clause is one when its condition contains a test of the issuing
    /// authority (<see cref="Fact.AuthorityKind"/>) that accepts a court, a judge or an investigating judge but not a
    /// public prosecutor. In the built-in versions these are V1's court-order and emergency clauses and V2's
    /// judicial-authority and emergency clauses.</para>
    /// <para>Each such clause <c>C</c> is split in two, so that requests the overlay does not concern are reported exactly
    /// as before. The first keeps <c>C</c>'s id and texts and fires when <c>C</c> does and the issuer is not a prosecutor
    /// of the listed countries. The second, <c>{id}/overlay/{overlay id}</c>, follows it, fires only for such a prosecutor,
    /// and reads every judicial-issuer test <c>T</c> in <c>C</c> as <c>T or (issuing authority is PublicProsecutor and
    /// issuing jurisdiction is one of the countries [and data category is one of the categories])</c>; its summary names
    /// the overlay, so its reasons cite it. Both have <c>C</c>'s effect. The instrument test beside <c>T</c> is unchanged:
    /// a prosecutor's order must still be an order (for example a European Production Order), not a subpoena or a police
    /// request. Versions with no such clause (V0) are unchanged.</para>
    /// </remarks>
    public static JurisdictionOverlay ProsecutorsAsJudicial(string id, IEnumerable<string> countries, IEnumerable<DataCategory>? categories = null) =>
        new ProsecutorsAsJudicialOverlay(id, countries, categories);

    /// <summary>
    /// Makes an overlay that refuses requests from some authorities of the listed countries, for example one country's
    /// intelligence services, or every request from a country.
    /// </summary>
    /// <param name="id">The overlay's identifier, cited by the clause it adds.</param>
    /// <param name="countries">The countries concerned (ISO 3166-1 alpha-2 codes).</param>
    /// <param name="authorities">The kinds of issuing authority refused; <see langword="null"/> or empty refuses every
    /// request from those countries.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="countries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, a country code is not assigned, no country is
    /// given, or a kind is <c>Unspecified</c> or undefined.</exception>
    /// <remarks>
    /// The overlay adds one deny clause, <c>overlay/{id}/excluded</c>, with reason
    /// <see cref="ReasonCodes.JurisdictionExcludedByOverlay"/> and a summary that names the overlay. The clause goes where
    /// the evaluation order puts an overlay exclusion: after a version's leading "no disclosure clause" denial and any
    /// earlier exclusion, and before every other clause (preservation, emergency, recipient, data, then the version's own
    /// clauses), so its reason is reported before theirs. A version whose leading clauses already deny every request
    /// unconditionally (V0, which has no disclosure clause) is left as it is: nothing can be disclosed under it, and a
    /// clause after an unconditional denial could never change an outcome.
    /// </remarks>
    public static JurisdictionOverlay AuthorityExclusion(string id, IEnumerable<string> countries, IEnumerable<IssuingAuthorityKind>? authorities = null) =>
        new AuthorityExclusionOverlay(id, countries, authorities);

    /// <summary>
    /// Makes an overlay that adds a localized variant of a version for one country: the version's clauses, in force for
    /// requests from that country over a period of the host's choosing, for example V2's clauses for requests from one
    /// country before 2024-09-23, where local texts or practice went beyond the English V1.
    /// </summary>
    /// <param name="id">The overlay's identifier, cited by the variant.</param>
    /// <param name="country">The country the variant applies to (an ISO 3166-1 alpha-2 code).</param>
    /// <param name="versionId">The id of the version whose clauses the variant takes.</param>
    /// <param name="effectiveFrom">The first day the variant is in force.</param>
    /// <param name="effectiveUntil">The last day it is in force (inclusive), or <see langword="null"/> for an open end.</param>
    /// <returns>The overlay. Applying it to a policy without version <paramref name="versionId"/> throws
    /// <see cref="ArgumentException"/>.</returns>
    /// <exception cref="ArgumentNullException">A reference argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="versionId"/> is empty, the country code
    /// is not assigned, or the period ends before it starts.</exception>
    /// <remarks>
    /// <para>The variant is a <see cref="RuleVersion"/> with <see cref="RuleVersion.Jurisdictions"/> set to the country,
    /// with id <c>{version}-{country}</c> (for example <c>V2-IN</c>). While in force it takes precedence for that country
    /// over the version for everyone (see <see cref="Policy.VersionInForceOn(LocalDate, Jurisdiction)"/>). Its citation and
    /// every clause summary name the overlay. The base version's Terms-of-Service catalogue is read as of each request's
    /// receipt, so items added later do not count earlier.</para>
    /// <para>A host with a variant of its own making adds it to its <see cref="Policy"/> directly.</para>
    /// </remarks>
    public static JurisdictionOverlay LocalizedVariant(string id, string country, string versionId, LocalDate effectiveFrom, LocalDate? effectiveUntil = null) =>
        new LocalizedVariantOverlay(id, country, versionId, effectiveFrom, effectiveUntil);

    /// <summary>Applies overlays to a policy, localized variants first (so the other overlays reach them too), then the
    /// others in the order given.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="overlays">The overlays; none at all returns <paramref name="policy"/> itself.</param>
    /// <returns>The policy with every overlay applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/>, <paramref name="overlays"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An overlay does not fit the policy (for example a localized variant of a version
    /// the policy does not have).</exception>
    /// <exception cref="RuleDefinitionException">The resulting policy is invalid (for example two variants for one country
    /// overlap); every problem is listed.</exception>
    public static Policy Apply(Policy policy, IEnumerable<JurisdictionOverlay> overlays)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(overlays);
        JurisdictionOverlay[] list = [.. overlays];
        foreach (JurisdictionOverlay overlay in list)
        {
            ArgumentNullException.ThrowIfNull(overlay, nameof(overlays));
        }

        Policy result = policy;
        foreach (JurisdictionOverlay overlay in list.Where(o => o is LocalizedVariantOverlay).Concat(list.Where(o => o is not LocalizedVariantOverlay)))
        {
            result = overlay.ApplyTo(result);
        }

        return result;
    }

    /// <summary>Applies the overlay to a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>A new policy with the overlay applied; the given one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The overlay does not fit the policy.</exception>
    /// <exception cref="RuleDefinitionException">The resulting policy is invalid; every problem is listed.</exception>
    public abstract Policy ApplyTo(Policy policy);

    /// <summary>Returns what the overlay does, in words.</summary>
    /// <returns>A one-line description that names the overlay.</returns>
    public abstract override string ToString();

    private protected static string Names<T>(IReadOnlyList<T> values) =>
        values.Count switch
        {
            0 => string.Empty,
            1 => $"{values[0]}",
            _ => string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1],
        };

    private protected static Policy Rebuild(Policy policy, Func<RuleVersion, RuleVersion> apply)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RuleVersion[] versions = [.. policy.Versions.Select(apply)];
        return versions.SequenceEqual(policy.Versions) ? policy : new Policy(policy.Id, policy.Title, versions);
    }

    private protected RuleVersion WithClauses(RuleVersion version, IEnumerable<Clause> clauses) =>
        new(
            version.Id,
            $"{version.Title} [{Citation}]",
            version.EffectiveFrom,
            version.EffectiveUntil,
            version.Citation,
            version.Wording,
            version.Cadence,
            version.TermsOfService,
            clauses,
            version.Jurisdictions);
}
