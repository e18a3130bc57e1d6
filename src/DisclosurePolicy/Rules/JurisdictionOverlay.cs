using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>
/// An opt-in adjustment of a policy for some countries, made by the host: counting prosecutors as judicial authorities
/// (<see cref="ProsecutorsAsJudicialOverlay"/>), refusing some authorities' requests
/// (<see cref="AuthorityExclusionOverlay"/>), or a localized variant of a version (<see cref="LocalizedVariantOverlay"/>).
/// </summary>
/// <remarks>
/// <para>No overlay is applied unless the host asks for it. Applying one never changes the policy it is given: it
/// returns a new <see cref="Policy"/> whose clauses say, in their summaries, which overlay changed them, so every reason
/// an overlay affects cites it.</para>
/// <para>Immutable and safe to share across threads. Only this library defines kinds of overlay.</para>
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
