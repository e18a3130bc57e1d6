using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>Checks a policy definition and reports every problem with its path.</summary>
/// <remarks><para>Beyond the required fields, ids, dates and overlaps, every clause is checked for being able to matter
/// at all (<see cref="ClauseReachability"/>).</para></remarks>
internal static class RuleValidator
{
    public static ValidationResult Validate(string? id, string? title, IEnumerable<RuleVersion?>? versions) =>
        ValidationResult.From(Validate(id, title, versions, RulePaths.Identity));

    /// <summary>Validates versions read from a definition, some of whose versions or clauses could not be built; the paths
    /// name the definition's positions.</summary>
    public static List<ValidationProblem> Validate(string? id, string? title, IEnumerable<RuleVersion?>? versions, RulePaths paths)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new("id", id, "the policy needs an identifier"));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new("title", title, "the policy needs a title"));
        }

        RuleVersion?[] list = versions is null ? [] : [.. versions];
        if (list.Length == 0 && paths.DeclaredVersions == 0)
        {
            problems.Add(new("versions", null, "the policy needs at least one version"));
        }

        for (int i = 0; i < list.Length; i++)
        {
            string path = paths.Version(i);
            RuleVersion? version = list[i];
            if (version is null)
            {
                problems.Add(new(path, null, "the version is missing"));
                continue;
            }

            ValidateVersion(version, path + ".", c => paths.Clause(i, c), paths.DeclaredClauses(i, version.Clauses.Count), problems);

            // Each version names the first earlier version it clashes with, once per kind, as a repeated clause id does: a
            // file of n copies of one version gets n problems, not n²/2 (issue 17, found by fuzzing).
            bool idReported = false;
            bool overlapReported = false;
            for (int j = 0; j < i && !(idReported && overlapReported); j++)
            {
                RuleVersion? other = list[j];
                if (other is null || !paths.IsPlaced(i) || !paths.IsPlaced(j))
                {
                    continue;
                }

                if (string.Equals(other.Id, version.Id, StringComparison.OrdinalIgnoreCase))
                {
                    if (!idReported)
                    {
                        problems.Add(new($"{path}.id", version.Id, $"the id is already used by {paths.Version(j)}"));
                        idReported = true;
                    }
                }
                else if (!overlapReported && Overlap(other, version) is string overlap)
                {
                    problems.Add(new($"{path}.effectiveFrom", IsoDates.Format(version.EffectiveFrom), $"the version overlaps {other.Id} ({paths.Version(j)}) {overlap}"));
                    overlapReported = true;
                }
            }
        }

        return problems;
    }

    /// <summary>Validates one version on its own; <paramref name="prefix"/> is prepended to every path (empty, or ending with a dot).</summary>
    public static void ValidateVersion(RuleVersion version, string prefix, Func<int, string> clausePaths, int declaredClauses, List<ValidationProblem> problems)
    {
        Required(version.Id, $"{prefix}id", "the version needs an identifier", problems);
        Required(version.Title, $"{prefix}title", "the version needs a title", problems);
        Required(version.Citation, $"{prefix}citation", "the version needs a citation of its source", problems);
        Required(version.Wording, $"{prefix}wording", "the version needs its source wording", problems);
        if (version.EffectiveFrom == default)
        {
            problems.Add(new($"{prefix}effectiveFrom", null, "the first day in force is required"));
        }

        if (version.EffectiveUntil is LocalDate until && until < version.EffectiveFrom)
        {
            problems.Add(new($"{prefix}effectiveUntil", IsoDates.Format(until), $"the period is empty: it ends before it starts ({IsoDates.Format(version.EffectiveFrom)})"));
        }

        if (!Enum.IsDefined(version.Cadence))
        {
            problems.Add(new($"{prefix}cadence", version.Cadence.ToString(), $"not a known ReportingCadence; accepted: {EnumValues.Accepted<ReportingCadence>(allowZero: true)}"));
        }

        for (int j = 0; j < version.Jurisdictions.Count; j++)
        {
            if (!CountryCodes.IsAssigned(version.Jurisdictions[j]))
            {
                problems.Add(new($"{prefix}jurisdictions[{j}]", version.Jurisdictions[j], "not an ISO 3166-1 alpha-2 country code"));
            }
        }

        ValidateCatalogue(version.TermsOfService, $"{prefix}termsOfService", problems);

        if (declaredClauses == 0)
        {
            problems.Add(new($"{prefix}clauses", null, "the version has no clause; a version that discloses nothing needs an explicit deny clause"));
        }

        for (int c = 0; c < version.Clauses.Count; c++)
        {
            Clause clause = version.Clauses[c];
            string clausePath = clausePaths(c);
            ValidateClauseText(clause.Id, clause.Citation, clause.Wording, clause.Summary, clausePath, problems);
            if (!EnumValues.IsSpecified(clause.Effect.Kind))
            {
                problems.Add(new($"{clausePath}.effect", clause.Effect.Kind.ToString(), "not a known effect"));
            }

            for (int d = 0; d < c; d++)
            {
                if (string.Equals(version.Clauses[d].Id, clause.Id, StringComparison.Ordinal))
                {
                    problems.Add(new($"{clausePath}.id", clause.Id, $"the id is already used by {Last(clausePaths(d))}"));
                    break;
                }
            }
        }

        ClauseReachability.Check(version.Clauses, clausePaths, problems);
    }

    /// <summary>Checks the required texts of a clause.</summary>
    public static void ValidateClauseText(string? id, string? citation, string? wording, string? summary, string clausePath, List<ValidationProblem> problems)
    {
        Required(id, $"{clausePath}.id", "the clause needs an identifier", problems);
        Required(citation, $"{clausePath}.citation", "the clause needs a citation", problems);
        Required(wording, $"{clausePath}.wording", "the clause needs the policy wording it implements", problems);
        Required(summary, $"{clausePath}.summary", "the clause needs a summary of what it requires", problems);
    }

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static void ValidateCatalogue(TosCatalogue catalogue, string path, List<ValidationProblem> problems)
    {
        for (int e = 0; e < catalogue.Entries.Count; e++)
        {
            TosCatalogueEntry entry = catalogue.Entries[e];
            if (!EnumValues.IsSpecified(entry.Item))
            {
                problems.Add(new($"{path}.entries[{e}].item", entry.Item.ToString(), $"not a Terms-of-Service item; accepted: {EnumValues.Accepted<TosItem>()}"));
            }

            if (entry.InForceUntil is LocalDate until && until < entry.InForceFrom)
            {
                problems.Add(new($"{path}.entries[{e}].inForceUntil", IsoDates.Format(until), "the item's period is empty: it ends before it starts"));
            }
        }

        for (int m = 0; m < catalogue.Mappings.Count; m++)
        {
            OffenceMapping mapping = catalogue.Mappings[m];
            if (!EnumValues.IsSpecified(mapping.Offence))
            {
                problems.Add(new($"{path}.mappings[{m}].offence", mapping.Offence.ToString(), "not an offence category"));
            }

            foreach (TosItem item in mapping.Items)
            {
                if (!EnumValues.IsSpecified(item))
                {
                    problems.Add(new($"{path}.mappings[{m}].items", item.ToString(), $"not a Terms-of-Service item; accepted: {EnumValues.Accepted<TosItem>()}"));
                }
            }

            for (int n = 0; n < m; n++)
            {
                if (catalogue.Mappings[n].Offence == mapping.Offence)
                {
                    problems.Add(new($"{path}.mappings[{m}].offence", mapping.Offence.ToString(), $"the offence is already mapped by mappings[{n}]"));
                    break;
                }
            }
        }
    }

    // Two versions compete when both apply to everyone, or both are variants for a common country.
    private static string? Overlap(RuleVersion a, RuleVersion b)
    {
        bool sameAudience = (a.Jurisdictions.Count == 0 && b.Jurisdictions.Count == 0)
            || a.Jurisdictions.Intersect(b.Jurisdictions, StringComparer.Ordinal).Any();
        if (!sameAudience)
        {
            return null;
        }

        LocalDate start = a.EffectiveFrom > b.EffectiveFrom ? a.EffectiveFrom : b.EffectiveFrom;
        LocalDate? end = (a.EffectiveUntil, b.EffectiveUntil) switch
        {
            (null, null) => null,
            (LocalDate x, null) => x,
            (null, LocalDate y) => y,
            (LocalDate x, LocalDate y) => x < y ? x : y,
        };
        return end is null || start <= end.Value
            ? $"from {IsoDates.Format(start)} to {(end is LocalDate e ? IsoDates.Format(e) : "open end")}"
            : null;
    }

    private static void Required(string? value, string path, string message, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, value, message));
        }
    }

}
