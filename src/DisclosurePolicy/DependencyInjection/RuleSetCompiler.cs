using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy;

/// <summary>
/// Turns options into the rule set an engine decides under (policy with overlays applied, and zone), reporting every
/// problem with its path. The validator and the reload both use it, so what validates is exactly what runs.
/// </summary>
internal static class RuleSetCompiler
{
    private static readonly string[] Kinds =
        [JurisdictionOverlayOptions.ProsecutorsAsJudicial, JurisdictionOverlayOptions.AuthorityExclusion, JurisdictionOverlayOptions.LocalizedVariant];

    public static RuleSet? Compile(DisclosurePolicyOptions options, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        int before = problems.Count;
        DateTimeZone? zone = Zone(options.TimeZone, problems);
        Policy? policy = BasePolicy(options, problems);
        var overlays = new List<JurisdictionOverlay>();
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Overlays.Count; i++)
        {
            string path = $"{nameof(options.Overlays)}[{i}]";
            JurisdictionOverlayOptions? overlay = options.Overlays[i];
            if (overlay is null)
            {
                problems.Add(new(path, null, "the overlay is missing"));
                continue;
            }

            if (overlay.Id is string id && !string.IsNullOrWhiteSpace(id))
            {
                if (ids.TryGetValue(id.Trim(), out int first))
                {
                    problems.Add(new($"{path}.{nameof(overlay.Id)}", id, $"the id is already used by {nameof(options.Overlays)}[{first}]"));
                }
                else
                {
                    ids.Add(id.Trim(), i);
                }
            }

            if (Overlay(overlay, policy, path, problems) is JurisdictionOverlay built)
            {
                overlays.Add(built);
            }
        }

        if (problems.Count > before || zone is null || policy is null)
        {
            return null;
        }

        try
        {
            Policy applied = JurisdictionOverlay.Apply(policy, overlays);
            return Ceiling(applied, options, problems) ? new RuleSet(applied, zone) : null;
        }
        catch (RuleDefinitionException ex)
        {
            problems.AddRange(ex.Problems.Select(p => new ValidationProblem(
                nameof(options.Overlays), p.Value, $"the policy with its overlays applied is invalid at {p.Path}: {p.Message}")));
        }
        catch (ArgumentException ex)
        {
            problems.Add(new(nameof(options.Overlays), null, ex.Message));
        }

        return null;
    }

    // The host's ceiling, checked on the rules as they will decide (overlays applied): no permit may list a category
    // the host never permits.
    private static bool Ceiling(Policy policy, DisclosurePolicyOptions options, List<ValidationProblem> problems)
    {
        int before = problems.Count;
        for (int k = 0; k < options.NeverPermitted.Count; k++)
        {
            if (!EnumValues.IsSpecified(options.NeverPermitted[k]))
            {
                problems.Add(new($"{nameof(options.NeverPermitted)}[{k}]", options.NeverPermitted[k].ToString(), $"not a known DataCategory; accepted: {EnumValues.Accepted<DataCategory>()}"));
            }
        }

        string source = options.Rules is not null ? nameof(options.Rules) : options.Policy is not null ? nameof(options.Policy) : "BuiltInRules";
        foreach (RuleVersion version in policy.Versions)
        {
            foreach (Clause clause in version.Clauses)
            {
                foreach (DataCategory category in clause.Effect.Categories.Where(options.NeverPermitted.Contains))
                {
                    problems.Add(new(
                        $"{source}.versions[{version.Id}].clauses[{clause.Id}].categories",
                        category.ToString(),
                        $"the clause permits a category the host never permits ({nameof(options.NeverPermitted)})"));
                }
            }
        }

        return problems.Count == before;
    }

    // The rules that decide before any overlay: the host's policy, its rules from configuration, or the built-in ones.
    // Null when the configured rules are invalid, their problems reported.
    private static Policy? BasePolicy(DisclosurePolicyOptions options, List<ValidationProblem> problems)
    {
        if (options.Rules is null)
        {
            return options.Policy ?? BuiltInRules.Policy;
        }

        if (options.Policy is not null)
        {
            problems.Add(new(
                nameof(options.Rules),
                options.Rules.Id,
                $"set either {nameof(options.Policy)} (in code) or {nameof(options.Rules)} (in configuration), not both"));
            return null;
        }

        ValidationResult result = options.Rules.Validate();
        if (!result.IsValid)
        {
            problems.AddRange(result.Problems.Select(p => new ValidationProblem($"{nameof(options.Rules)}.{p.Path}", p.Value, p.Message)));
            return null;
        }

        return options.Rules.ToPolicy();
    }

    private static DateTimeZone? Zone(string? id, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new(nameof(DisclosurePolicyOptions.TimeZone), id, "a time zone id is required, such as UTC or Europe/Berlin"));
            return null;
        }

        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        if (zone is null)
        {
            problems.Add(new(nameof(DisclosurePolicyOptions.TimeZone), id, "not a time zone id of the TZDB, such as UTC or Europe/Berlin"));
        }

        return zone;
    }

    private static JurisdictionOverlay? Overlay(JurisdictionOverlayOptions o, Policy? policy, string path, List<ValidationProblem> problems)
    {
        int before = problems.Count;
        if (string.IsNullOrWhiteSpace(o.Id))
        {
            problems.Add(new($"{path}.{nameof(o.Id)}", o.Id, "the overlay needs an identifier, which its reasons cite"));
        }

        string? kind = Kinds.FirstOrDefault(k => string.Equals(k, o.Kind?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            problems.Add(new($"{path}.{nameof(o.Kind)}", o.Kind, $"{(string.IsNullOrWhiteSpace(o.Kind) ? "the kind is required" : "not a kind of overlay")}; accepted: {string.Join(", ", Kinds)}"));
        }

        List<string> countries = Countries(o, path, problems);
        if (kind == JurisdictionOverlayOptions.LocalizedVariant && countries.Count > 1)
        {
            problems.Add(new($"{path}.{nameof(o.Countries)}", string.Join(", ", o.Countries), "a localized variant applies to exactly one country"));
        }

        List<DataCategory> categories = Names<DataCategory>(o.DataCategories, $"{path}.{nameof(o.DataCategories)}", "a data category", problems);
        List<IssuingAuthorityKind> authorities = Names<IssuingAuthorityKind>(o.Authorities, $"{path}.{nameof(o.Authorities)}", "a kind of issuing authority", problems);
        NotUsed(kind, JurisdictionOverlayOptions.ProsecutorsAsJudicial, o.DataCategories.Count > 0, $"{path}.{nameof(o.DataCategories)}", string.Join(", ", o.DataCategories), problems);
        NotUsed(kind, JurisdictionOverlayOptions.AuthorityExclusion, o.Authorities.Count > 0, $"{path}.{nameof(o.Authorities)}", string.Join(", ", o.Authorities), problems);
        NotUsed(kind, JurisdictionOverlayOptions.LocalizedVariant, o.Version is not null, $"{path}.{nameof(o.Version)}", o.Version, problems);
        NotUsed(kind, JurisdictionOverlayOptions.LocalizedVariant, o.EffectiveFrom is not null, $"{path}.{nameof(o.EffectiveFrom)}", o.EffectiveFrom, problems);
        NotUsed(kind, JurisdictionOverlayOptions.LocalizedVariant, o.EffectiveUntil is not null, $"{path}.{nameof(o.EffectiveUntil)}", o.EffectiveUntil, problems);

        LocalDate from = default;
        LocalDate? until = null;
        if (kind == JurisdictionOverlayOptions.LocalizedVariant)
        {
            if (string.IsNullOrWhiteSpace(o.Version))
            {
                problems.Add(new($"{path}.{nameof(o.Version)}", o.Version, "a localized variant needs the id of the version whose clauses it takes, such as V2"));
            }
            else if (policy is not null && policy.FindVersion(o.Version) is null)
            {
                problems.Add(new(
                    $"{path}.{nameof(o.Version)}",
                    o.Version,
                    $"the policy {policy.Id} has no such version; it has {string.Join(", ", policy.Versions.Select(v => v.Id))}"));
            }

            if (string.IsNullOrWhiteSpace(o.EffectiveFrom))
            {
                problems.Add(new($"{path}.{nameof(o.EffectiveFrom)}", o.EffectiveFrom, "a localized variant needs its first day in force, such as 2018-08-14"));
            }
            else if (IsoDates.Parse(o.EffectiveFrom, $"{path}.{nameof(o.EffectiveFrom)}", problems) is LocalDate f)
            {
                from = f;
            }

            if (o.EffectiveUntil is not null && IsoDates.Parse(o.EffectiveUntil, $"{path}.{nameof(o.EffectiveUntil)}", problems) is LocalDate u)
            {
                until = u;
                if (from != default && u < from)
                {
                    problems.Add(new($"{path}.{nameof(o.EffectiveUntil)}", o.EffectiveUntil, $"the variant's period is empty: it ends before it starts ({o.EffectiveFrom!.Trim()})"));
                }
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        string overlayId = o.Id!.Trim();
        return kind switch
        {
            JurisdictionOverlayOptions.ProsecutorsAsJudicial => JurisdictionOverlay.ProsecutorsAsJudicial(overlayId, countries, categories),
            JurisdictionOverlayOptions.AuthorityExclusion => JurisdictionOverlay.AuthorityExclusion(overlayId, countries, authorities),
            _ => JurisdictionOverlay.LocalizedVariant(overlayId, countries[0], o.Version!.Trim(), from, until),
        };
    }

    private static List<string> Countries(JurisdictionOverlayOptions o, string path, List<ValidationProblem> problems)
    {
        var codes = new List<string>();
        if (o.Countries.Count == 0)
        {
            problems.Add(new($"{path}.{nameof(o.Countries)}", null, "the overlay needs at least one country (ISO 3166-1 alpha-2 code)"));
        }

        for (int c = 0; c < o.Countries.Count; c++)
        {
            string? code = o.Countries[c]?.Trim().ToUpperInvariant();
            if (code is null || !CountryCodes.IsAssigned(code))
            {
                problems.Add(new($"{path}.{nameof(o.Countries)}[{c}]", o.Countries[c], "not an ISO 3166-1 alpha-2 country code"));
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    // Names only: a number such as "3" is refused, since configuration should say what it means.
    private static List<T> Names<T>(IList<string> names, string path, string what, List<ValidationProblem> problems)
        where T : struct, Enum
    {
        var values = new List<T>();
        for (int n = 0; n < names.Count; n++)
        {
            if (EnumValues.TryParse(names[n], out T value))
            {
                values.Add(value);
            }
            else
            {
                problems.Add(new($"{path}[{n}]", names[n], $"not {what}; accepted: {EnumValues.Accepted<T>()}"));
            }
        }

        return values;
    }

    private static void NotUsed(string? kind, string usedBy, bool given, string path, string? value, List<ValidationProblem> problems)
    {
        if (given && kind is not null && kind != usedBy)
        {
            problems.Add(new(path, value, $"only {usedBy} overlays use this, not {kind} overlays"));
        }
    }
}
