using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// Turns a <see cref="PolicyDefinition"/> into a <see cref="Policy"/>, collecting every problem with its path: first the
/// problems of reading the text (unknown names, unreadable dates, malformed conditions), then those of the rule model
/// (<see cref="RuleValidator"/>) on everything that could be read.
/// </summary>
/// <remarks><para>A clause whose condition or effect cannot be read is left out of the model checks (its texts are still
/// checked); a version whose dates or cadence cannot be read is still checked, but not for overlaps.</para></remarks>
internal static class DefinitionCompiler
{
    private const string ConditionForms = "always, all, any, not, fact (with in), jurisdictions";

    public static (Policy? Policy, ValidationResult Problems) Compile(PolicyDefinition definition, IEnumerable<ValidationProblem>? misuse = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ValidationProblem>(misuse ?? []);
        var versions = new List<RuleVersion>();
        var versionIndexes = new List<int>();
        var clauseIndexes = new List<int[]>();
        var declaredClauses = new List<int>();
        var unplaced = new HashSet<int>();
        List<RuleVersionDefinition> declared = definition.Versions ?? [];
        for (int i = 0; i < declared.Count; i++)
        {
            string path = $"versions[{i}]";
            RuleVersionDefinition? version = declared[i];
            if (version is null)
            {
                problems.Add(new(path, null, "the version is missing"));
                continue;
            }

            (RuleVersion built, int[] clauses, bool placed) = Version(version, path + ".", problems);
            if (!placed)
            {
                unplaced.Add(versions.Count);
            }

            versions.Add(built);
            versionIndexes.Add(i);
            clauseIndexes.Add(clauses);
            declaredClauses.Add(version.Clauses?.Count ?? 0);
        }

        var paths = new RulePaths(declared.Count, [.. versionIndexes], [.. clauseIndexes], [.. declaredClauses], unplaced);
        problems.AddRange(RuleValidator.Validate(definition.Id, definition.Title, versions, paths));
        if (problems.Count > 0)
        {
            return (null, ValidationResult.From(problems));
        }

        return (new Policy(definition.Id!, definition.Title!, versions, validated: true), ValidationResult.Valid);
    }

    /// <summary>Compiles and checks one version on its own; overlaps with other versions are a policy's concern.</summary>
    /// <param name="definition">The version's definition.</param>
    /// <param name="misuse">Problems the caller found first, such as a builder asked to replace a clause it does not have.</param>
    /// <returns>The version when there is no problem, and every problem.</returns>
    public static (RuleVersion? Version, ValidationResult Problems) CompileVersion(RuleVersionDefinition definition, IEnumerable<ValidationProblem> misuse)
    {
        var problems = new List<ValidationProblem>(misuse);
        (RuleVersion version, int[] indexes, _) = Version(definition, string.Empty, problems);
        RuleValidator.ValidateVersion(version, string.Empty, c => $"clauses[{indexes[c]}]", definition.Clauses?.Count ?? 0, problems);
        return problems.Count == 0 ? (version, ValidationResult.Valid) : (null, ValidationResult.From(problems));
    }

    /// <summary>Reads one version; <paramref name="prefix"/> is empty or ends with a dot.</summary>
    internal static (RuleVersion Version, int[] ClauseIndexes, bool Placed) Version(RuleVersionDefinition d, string prefix, List<ValidationProblem> problems)
    {
        bool placed = true;
        LocalDate from = LocalDate.MinIsoValue;
        if (!string.IsNullOrWhiteSpace(d.EffectiveFrom))
        {
            placed &= TryDate(d.EffectiveFrom, $"{prefix}effectiveFrom", problems, out from);
        }

        LocalDate? until = null;
        if (!string.IsNullOrWhiteSpace(d.EffectiveUntil))
        {
            placed &= TryDate(d.EffectiveUntil, $"{prefix}effectiveUntil", problems, out LocalDate u);
            until = placed ? u : null;
        }

        if (!placed)
        {
            from = LocalDate.MinIsoValue;
            until = null;
        }

        ReportingCadence cadence = ReportingCadence.None;
        if (string.IsNullOrWhiteSpace(d.Cadence))
        {
            problems.Add(new($"{prefix}cadence", d.Cadence, $"the reporting cadence is required; accepted: {Names<ReportingCadence>(allowZero: true)}"));
        }
        else if (!TryName(d.Cadence, allowZero: true, out cadence))
        {
            problems.Add(new($"{prefix}cadence", d.Cadence, $"not a known ReportingCadence; accepted: {Names<ReportingCadence>(allowZero: true)}"));
        }

        TosCatalogue catalogue = d.TermsOfService is null ? BuiltInRules.TermsOfService : Catalogue(d.TermsOfService, $"{prefix}termsOfService", problems);

        var clauses = new List<Clause>();
        var indexes = new List<int>();
        List<ClauseDefinition> declared = d.Clauses ?? [];
        for (int c = 0; c < declared.Count; c++)
        {
            if (Clause(declared[c], $"{prefix}clauses[{c}]", problems) is Clause clause)
            {
                clauses.Add(clause);
                indexes.Add(c);
            }
        }

        var version = new RuleVersion(
            d.Id ?? string.Empty,
            d.Title ?? string.Empty,
            from,
            until,
            d.Citation ?? string.Empty,
            d.Wording ?? string.Empty,
            cadence,
            catalogue,
            clauses,
            d.Jurisdictions);
        return (version, [.. indexes], placed);
    }

    private static Clause? Clause(ClauseDefinition? d, string path, List<ValidationProblem> problems)
    {
        if (d is null)
        {
            problems.Add(new(path, null, "the clause is missing"));
            return null;
        }

        int before = problems.Count;
        Condition? condition = null;
        if (d.When is null)
        {
            problems.Add(new($"{path}.when", null, "the clause needs a condition; a clause that always fires says so ({ \"always\": true } in a file, Condition.Always in code)"));
        }
        else
        {
            condition = Condition(d.When, $"{path}.when", problems);
        }

        ClauseEffect? effect = Effect(d, path, problems);
        if (condition is null || effect is null || problems.Count > before)
        {
            // The clause cannot be built, so the model checks will not see it: check its texts here.
            RuleValidator.ValidateClauseText(d.Id, d.Citation, d.Wording, d.Summary, path, problems);
            return null;
        }

        return new Clause(d.Id ?? string.Empty, d.Citation ?? string.Empty, d.Wording ?? string.Empty, d.Summary ?? string.Empty, condition, effect);
    }

    private static ClauseEffect? Effect(ClauseDefinition d, string path, List<ValidationProblem> problems)
    {
        bool codeMissing = string.IsNullOrWhiteSpace(d.ReasonCode);
        if (codeMissing)
        {
            problems.Add(new($"{path}.reasonCode", d.ReasonCode, "the clause needs a reason code, reported when it fires"));
        }

        ClauseEffectKind kind = ClauseEffectKind.Unspecified;
        if (string.IsNullOrWhiteSpace(d.Effect))
        {
            problems.Add(new($"{path}.effect", d.Effect, $"the clause needs an effect; accepted: {Names<ClauseEffectKind>(allowZero: false)}"));
        }
        else if (!TryName(d.Effect, allowZero: false, out kind))
        {
            problems.Add(new($"{path}.effect", d.Effect, $"not a known effect; accepted: {Names<ClauseEffectKind>(allowZero: false)}"));
        }

        List<string> names = d.Categories ?? [];
        var categories = new List<DataCategory>();
        bool categoriesOk = true;
        if (kind == ClauseEffectKind.Permit && names.Count == 0)
        {
            problems.Add(new($"{path}.categories", null, $"a permit needs at least one data category; accepted: {Names<DataCategory>(allowZero: false)}"));
            categoriesOk = false;
        }
        else if (kind is not ClauseEffectKind.Permit and not ClauseEffectKind.Unspecified && names.Count > 0)
        {
            problems.Add(new($"{path}.categories", string.Join(", ", names), $"only a permit lists data categories; a {kind} clause applies to every category its condition allows"));
            categoriesOk = false;
        }

        for (int k = 0; k < names.Count; k++)
        {
            if (TryName(names[k], allowZero: false, out DataCategory category))
            {
                categories.Add(category);
            }
            else
            {
                problems.Add(new($"{path}.categories[{k}]", names[k], $"not a known DataCategory; accepted: {Names<DataCategory>(allowZero: false)}"));
                categoriesOk = false;
            }
        }

        if (codeMissing || !categoriesOk)
        {
            return null;
        }

        return kind switch
        {
            ClauseEffectKind.Deny => ClauseEffect.Deny(d.ReasonCode!),
            ClauseEffectKind.NotApplicable => ClauseEffect.NotApplicable(d.ReasonCode!),
            ClauseEffectKind.Pending => ClauseEffect.Pending(d.ReasonCode!),
            ClauseEffectKind.Permit => ClauseEffect.Permit(d.ReasonCode!, categories),
            _ => null,
        };
    }

    private static Condition? Condition(ConditionDefinition d, string path, List<ValidationProblem> problems)
    {
        var forms = new List<string>();
        if (d.Always is not null)
        {
            forms.Add("always");
        }

        if (d.All is not null)
        {
            forms.Add("all");
        }

        if (d.Any is not null)
        {
            forms.Add("any");
        }

        if (d.Not is not null)
        {
            forms.Add("not");
        }

        if (d.Fact is not null || d.In is not null)
        {
            forms.Add("fact");
        }

        if (d.Jurisdictions is not null)
        {
            forms.Add("jurisdictions");
        }

        if (forms.Count == 0)
        {
            problems.Add(new(path, null, $"the condition is empty; give exactly one of: {ConditionForms}"));
            return null;
        }

        if (forms.Count > 1)
        {
            problems.Add(new(path, null, $"the condition mixes {string.Join(", ", forms)}; give exactly one of: {ConditionForms}"));
            return null;
        }

        switch (forms[0])
        {
            case "always":
                switch (d.Always!.Trim().ToUpperInvariant())
                {
                    case "TRUE":
                        return Rules.Condition.Always;
                    case "FALSE":
                        return Rules.Condition.Never;
                    default:
                        problems.Add(new($"{path}.always", d.Always, "expected true (always holds) or false (never holds)"));
                        return null;
                }

            case "all":
                return Operands(d.All!, $"{path}.all", problems) is Condition[] all ? Rules.Condition.All(all) : null;
            case "any":
                return Operands(d.Any!, $"{path}.any", problems) is Condition[] any ? Rules.Condition.Any(any) : null;
            case "not":
                return Condition(d.Not!, $"{path}.not", problems) is Condition operand ? Rules.Condition.Not(operand) : null;
            case "jurisdictions":
                return Codes(d.Jurisdictions!, $"{path}.jurisdictions", problems);
            default:
                return Test(d, path, problems);
        }
    }

    private static Condition[]? Operands(List<ConditionDefinition> operands, string path, List<ValidationProblem> problems)
    {
        var built = new List<Condition>();
        bool ok = true;
        for (int k = 0; k < operands.Count; k++)
        {
            if (operands[k] is null)
            {
                problems.Add(new($"{path}[{k}]", null, "the condition is missing"));
                ok = false;
            }
            else if (Condition(operands[k], $"{path}[{k}]", problems) is Condition operand)
            {
                built.Add(operand);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? [.. built] : null;
    }

    private static Condition? Test(ConditionDefinition d, string path, List<ValidationProblem> problems)
    {
        Fact fact = Fact.Unspecified;
        if (string.IsNullOrWhiteSpace(d.Fact))
        {
            problems.Add(new($"{path}.fact", d.Fact, $"a fact test needs the fact it tests; accepted: {Names<Fact>(allowZero: false)}"));
        }
        else if (!TryName(d.Fact, allowZero: false, out fact))
        {
            problems.Add(new($"{path}.fact", d.Fact, $"not a known fact; accepted: {Names<Fact>(allowZero: false)}"));
        }

        List<string> values = d.In ?? [];
        if (values.Count == 0)
        {
            string accepted = fact == Fact.Unspecified ? string.Empty : $"; accepted: {FactInfo.AcceptedValues(fact)}";
            problems.Add(new($"{path}.in", null, $"a fact test needs at least one value in 'in'{accepted}"));
            return null;
        }

        if (fact == Fact.Unspecified)
        {
            return null;
        }

        if (fact == Fact.Jurisdiction)
        {
            return Codes(values, $"{path}.in", problems);
        }

        var numbers = new List<int>();
        bool ok = true;
        for (int k = 0; k < values.Count; k++)
        {
            if (values[k] is string name && FactInfo.TryParseValue(fact, name, out int number))
            {
                numbers.Add(number);
            }
            else
            {
                problems.Add(new($"{path}.in[{k}]", values[k], $"not a value of {fact}; accepted: {FactInfo.AcceptedValues(fact)}"));
                ok = false;
            }
        }

        return ok ? new FactCondition(fact, numbers) : null;
    }

    private static JurisdictionCondition? Codes(List<string> codes, string path, List<ValidationProblem> problems)
    {
        if (codes.Count == 0)
        {
            problems.Add(new(path, null, "a jurisdiction test needs at least one ISO 3166-1 alpha-2 country code"));
            return null;
        }

        bool ok = true;
        for (int k = 0; k < codes.Count; k++)
        {
            if (codes[k] is null || !CountryCodes.IsAssigned(codes[k].Trim().ToUpperInvariant()))
            {
                problems.Add(new($"{path}[{k}]", codes[k], "not an ISO 3166-1 alpha-2 country code"));
                ok = false;
            }
        }

        return ok ? new JurisdictionCondition(codes) : null;
    }

    private static TosCatalogue Catalogue(TosCatalogueDefinition d, string path, List<ValidationProblem> problems)
    {
        var entries = new List<TosCatalogueEntry>();
        List<TosCatalogueEntryDefinition> declaredEntries = d.Entries ?? [];
        for (int e = 0; e < declaredEntries.Count; e++)
        {
            string entryPath = $"{path}.entries[{e}]";
            TosCatalogueEntryDefinition? entry = declaredEntries[e];
            if (entry is null)
            {
                problems.Add(new(entryPath, null, "the entry is missing"));
                continue;
            }

            bool ok = true;
            if (!TryName(entry.Item ?? string.Empty, allowZero: false, out TosItem item))
            {
                problems.Add(new($"{entryPath}.item", entry.Item, $"not a known TosItem; accepted: {Names<TosItem>(allowZero: false)}"));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(entry.Wording))
            {
                problems.Add(new($"{entryPath}.wording", entry.Wording, "the item needs its exact wording"));
                ok = false;
            }

            LocalDate from = LocalDate.MinIsoValue;
            if (!string.IsNullOrWhiteSpace(entry.InForceFrom))
            {
                ok &= TryDate(entry.InForceFrom, $"{entryPath}.inForceFrom", problems, out from);
            }

            LocalDate? until = null;
            if (!string.IsNullOrWhiteSpace(entry.InForceUntil))
            {
                ok &= TryDate(entry.InForceUntil, $"{entryPath}.inForceUntil", problems, out LocalDate u);
                until = u;
            }

            if (ok)
            {
                entries.Add(new TosCatalogueEntry(item, entry.Wording!, from, until));
            }
        }

        var mappings = new List<OffenceMapping>();
        List<OffenceMappingDefinition> declaredMappings = d.Mappings ?? [];
        for (int m = 0; m < declaredMappings.Count; m++)
        {
            string mappingPath = $"{path}.mappings[{m}]";
            OffenceMappingDefinition? mapping = declaredMappings[m];
            if (mapping is null)
            {
                problems.Add(new(mappingPath, null, "the mapping is missing"));
                continue;
            }

            bool ok = true;
            if (!TryName(mapping.Offence ?? string.Empty, allowZero: false, out OffenceCategory offence))
            {
                problems.Add(new($"{mappingPath}.offence", mapping.Offence, $"not a known OffenceCategory; accepted: {Names<OffenceCategory>(allowZero: false)}"));
                ok = false;
            }

            List<string> names = mapping.Items ?? [];
            if (names.Count == 0)
            {
                problems.Add(new($"{mappingPath}.items", null, $"the mapping needs at least one item; accepted: {Names<TosItem>(allowZero: false)}"));
                ok = false;
            }

            var items = new List<TosItem>();
            for (int k = 0; k < names.Count; k++)
            {
                if (TryName(names[k] ?? string.Empty, allowZero: false, out TosItem item))
                {
                    items.Add(item);
                }
                else
                {
                    problems.Add(new($"{mappingPath}.items[{k}]", names[k], $"not a known TosItem; accepted: {Names<TosItem>(allowZero: false)}"));
                    ok = false;
                }
            }

            if (ok)
            {
                mappings.Add(new OffenceMapping(offence, items));
            }
        }

        return new TosCatalogue(entries, mappings);
    }

    private static bool TryDate(string text, string path, List<ValidationProblem> problems, out LocalDate date)
    {
        LocalDate? parsed = IsoDates.Parse(text, path, problems);
        date = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    internal static bool TryName<T>(string text, bool allowZero, out T value)
        where T : struct, Enum =>
        EnumValues.TryParse(text, out value, allowZero);

    internal static string Names<T>(bool allowZero)
        where T : struct, Enum =>
        EnumValues.Accepted<T>(allowZero);
}
