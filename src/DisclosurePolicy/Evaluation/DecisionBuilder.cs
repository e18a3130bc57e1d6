using System.Globalization;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>Builds explained decisions: every item's outcome, the reasons in clause order, and the obligations.</summary>
internal static class DecisionBuilder
{
    public static Decision Decide(LegalRequest r, RuleVersion version, Instant decidedAt, DateTimeZone zone)
    {
        Clause[] clauses = version.ClauseArray;
        IReadOnlyList<Subject> subjects = r.Subjects;
        IReadOnlyList<DataCategory> categories = r.RequestedData;
        int k = clauses.Length;
        int m = categories.Count;
        int items = subjects.Count * m;
        bool[] fired = new bool[items * k];
        var outcomes = new ItemOutcome[items];
        var vectors = new FactVector[subjects.Count];
        var tally = default(OutcomeTally);

        // Clauses are evaluated level by level: order clauses once, account clauses once per account, item clauses once
        // per item; the flags of the levels above are copied into each item's row, so every row records exactly the clauses
        // that fire for that item.
        int[] orderAt = version.OrderClauseIndexes;
        int[] subjectAt = version.SubjectClauseIndexes;
        int[] itemAt = version.ItemClauseIndexes;
        FactVector facts = FactReader.ForOrder(r);
        ReadOnlySpan<bool> orderRow = fired.AsSpan(0, k);
        ItemEvaluator.Mark(clauses, orderAt, in facts, fired.AsSpan(0, k));
        ulong itemsInForce = version.TermsOfService.InForceMask(version.CatalogueDate(r.ReceivedOn));
        for (int s = 0; s < subjects.Count; s++)
        {
            FactReader.SetSubject(ref facts, subjects[s], version.TermsOfService, itemsInForce);
            Span<bool> subjectRow = fired.AsSpan(s * m * k, k);
            Copy(orderRow, subjectRow, orderAt);
            vectors[s] = facts;
            ItemEvaluator.Mark(clauses, subjectAt, in facts, subjectRow);
            for (int c = 0; c < m; c++)
            {
                int p = (s * m) + c;
                Span<bool> row = fired.AsSpan(p * k, k);
                Copy(subjectRow, row, orderAt);
                Copy(subjectRow, row, subjectAt);
                FactReader.SetCategory(ref facts, categories[c]);
                ItemEvaluator.Mark(clauses, itemAt, in facts, row);
                outcomes[p] = ItemEvaluator.Outcome(clauses, row);
                tally.Add(outcomes[p]);
            }
        }

        // A pending or permitting clause explains an item only where it decided it; denials are reported wherever they fire.
        bool Counts(int p, int i) => fired[(p * k) + i] && clauses[i].Effect.Kind switch
        {
            ClauseEffectKind.Permit => outcomes[p] == ItemOutcome.Permitted,
            ClauseEffectKind.Pending => outcomes[p] == ItemOutcome.PendingLegalAnalysis,
            _ => true,
        };

        var reasons = new List<Reason>();
        Clause? pendingClause = null;
        Clause? permitClause = null;
        for (int i = 0; i < k; i++)
        {
            Clause clause = clauses[i];
            bool any = false;
            for (int s = 0; s < subjects.Count; s++)
            {
                bool subjectReported = false;
                for (int c = 0; c < m; c++)
                {
                    int p = (s * m) + c;
                    if (!Counts(p, i))
                    {
                        continue;
                    }

                    // One reason per order, per account or per item, following the finest fact the clause looks at.
                    bool first = !any;
                    any = true;
                    if (clause.Level == FactLevel.Order)
                    {
                        if (first)
                        {
                            reasons.Add(FromClause(clause, ItemFacts(vectors[s], categories[c]), null, null));
                        }
                    }
                    else if (clause.Level == FactLevel.Subject)
                    {
                        if (!subjectReported)
                        {
                            reasons.Add(FromClause(clause, ItemFacts(vectors[s], categories[c]), subjects[s].AccountReference, null));
                            subjectReported = true;
                        }
                    }
                    else
                    {
                        reasons.Add(FromClause(clause, ItemFacts(vectors[s], categories[c]), subjects[s].AccountReference, categories[c]));
                    }
                }
            }

            if (any && clause.Effect.Kind == ClauseEffectKind.Pending)
            {
                pendingClause ??= clause;
            }
            else if (any && clause.Effect.Kind == ClauseEffectKind.Permit)
            {
                permitClause ??= clause;
            }
        }

        var results = new ItemResult[items];
        int affected = 0;
        for (int s = 0; s < subjects.Count; s++)
        {
            bool anyPermitted = false;
            for (int c = 0; c < m; c++)
            {
                int p = (s * m) + c;
                results[p] = new ItemResult(subjects[s].AccountReference, categories[c], outcomes[p]);
                anyPermitted |= outcomes[p] == ItemOutcome.Permitted;
                if (outcomes[p] == ItemOutcome.Denied && !AnyDenyFired(clauses, fired.AsSpan(p * k, k)))
                {
                    reasons.Add(new Reason(
                        ReasonCodes.NoPermittingClause,
                        ClauseEffectKind.Deny,
                        null,
                        version.Citation,
                        null,
                        $"No clause of {version.Id} permits disclosing {categories[c]}, so it is denied by default.",
                        [new FactValue(FactInfo.Describe(Fact.DataCategory), categories[c].ToString())],
                        subjects[s].AccountReference,
                        categories[c]));
                }
            }

            affected += anyPermitted ? 1 : 0;
        }

        var obligations = new List<Obligation>(2);
        if (pendingClause is not null)
        {
            obligations.Add(new Obligation(
                ObligationKind.PerformLegalAnalysis,
                "Perform the legal analysis of the request; nothing may be disclosed before it has passed.",
                pendingClause.Citation,
                null));
        }

        if (permitClause is not null)
        {
            obligations.Add(ReportObligation(r.Jurisdiction.Code, version, permitClause, affected, decidedAt, zone));
        }

        return Decision.Owning(
            r.Id,
            r.Jurisdiction.Code,
            r.ReceivedOn,
            decidedAt,
            tally.Combine(),
            version.Id,
            version.Citation,
            results,
            [.. reasons],
            [.. obligations]);
    }

    public static Decision Invalid(LegalRequest? r, ValidationResult validation, RuleVersion? version, Instant decidedAt)
    {
        Reason[] reasons = [.. validation.Problems.Select(p => new Reason(
            ReasonCodes.InsufficientInformation,
            ClauseEffectKind.Deny,
            null,
            null,
            null,
            $"The request cannot be decided: {p.Path}: {p.Message}.",
            [new FactValue(p.Path, p.Value ?? "(missing)")],
            null,
            null))];
        return Refusal(r, version, decidedAt, reasons);
    }

    public static Decision Refusal(LegalRequest? r, RuleVersion? version, Instant decidedAt, params Reason[] reasons) =>
        new(
            r?.Id ?? string.Empty,
            r?.Jurisdiction.Code ?? string.Empty,
            r is null || r.ReceivedOn == default ? null : r.ReceivedOn,
            decidedAt,
            DecisionOutcome.Deny,
            version?.Id,
            version?.Citation,
            DeniedItems(r),
            reasons,
            []);

    public static Reason EngineReason(string code, string message, params FactValue[] facts) =>
        new(code, ClauseEffectKind.Deny, null, null, null, message, facts, null, null);

    private static Reason FromClause(Clause clause, in FactVector facts, string? account, DataCategory? category)
    {
        FactValue[] values = FactReader.Describe(clause.Condition.Facts, in facts);
        return new Reason(
            clause.Effect.ReasonCode,
            clause.Effect.Kind,
            clause.Id,
            clause.Citation,
            clause.Wording,
            values.Length == 0 ? clause.Summary : WithFacts(clause.Summary, values),
            values,
            account,
            category);
    }

    // An item's facts: its account's, with its data category.
    private static FactVector ItemFacts(FactVector subject, DataCategory category)
    {
        FactReader.SetCategory(ref subject, category);
        return subject;
    }

    // "<summary> Facts: name = value; name = value." written straight into the one string it becomes.
    private static string WithFacts(string summary, FactValue[] values)
    {
        const string Lead = " Facts: ";
        int length = summary.Length + Lead.Length + 1 + ((values.Length - 1) * 2);
        foreach (FactValue value in values)
        {
            length += value.Name.Length + 3 + value.Value.Length;
        }

        return string.Create(length, (summary, values), static (span, state) =>
        {
            int at = Put(span, 0, state.summary);
            at = Put(span, at, Lead);
            for (int i = 0; i < state.values.Length; i++)
            {
                if (i > 0)
                {
                    at = Put(span, at, "; ");
                }

                at = Put(span, at, state.values[i].Name);
                at = Put(span, at, " = ");
                at = Put(span, at, state.values[i].Value);
            }

            span[at] = '.';
        });
    }

    private static int Put(Span<char> span, int at, string text)
    {
        text.AsSpan().CopyTo(span[at..]);
        return at + text.Length;
    }

    private static void Copy(ReadOnlySpan<bool> from, Span<bool> to, int[] indexes)
    {
        foreach (int i in indexes)
        {
            to[i] = from[i];
        }
    }

    private static bool AnyDenyFired(Clause[] clauses, ReadOnlySpan<bool> fired)
    {
        for (int i = 0; i < clauses.Length; i++)
        {
            if (fired[i] && clauses[i].Effect.Kind is ClauseEffectKind.Deny or ClauseEffectKind.NotApplicable)
            {
                return true;
            }
        }

        return false;
    }

    private static Obligation ReportObligation(string country, RuleVersion version, Clause clause, int affected, Instant decidedAt, DateTimeZone zone)
    {
        ReportingPeriod? period = version.Cadence == ReportingCadence.None
            ? null
            : ReportingPeriod.Containing(decidedAt.InZone(zone).Date, version.Cadence);
        var entry = new TransparencyReportEntry(country, version.Cadence, period, affected, clause.Citation);
        string when = period is null ? "(the version sets no reporting period)" : string.Create(CultureInfo.InvariantCulture, $"for {period}");
        string cadence = version.Cadence switch
        {
            ReportingCadence.Quarterly => "quarterly ",
            ReportingCadence.SemiAnnual => "semiannual ",
            _ => string.Empty,
        };
        return new Obligation(
            ObligationKind.RecordInTransparencyReport,
            string.Create(CultureInfo.InvariantCulture, $"Record the disclosure in the {cadence}transparency report {when}: {country}, 1 fulfilled request, {affected} affected user(s)."),
            clause.Citation,
            entry);
    }

    private static List<ItemResult> DeniedItems(LegalRequest? r)
    {
        var results = new List<ItemResult>();
        if (r?.Subjects is null || r.RequestedData is null)
        {
            return results;
        }

        foreach (Subject s in r.Subjects)
        {
            if (s is null || string.IsNullOrWhiteSpace(s.AccountReference))
            {
                continue;
            }

            foreach (DataCategory category in r.RequestedData)
            {
                results.Add(new ItemResult(s.AccountReference, category, ItemOutcome.Denied));
            }
        }

        return results;
    }
}
