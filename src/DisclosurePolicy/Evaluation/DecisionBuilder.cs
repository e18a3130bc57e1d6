using System.Globalization;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>Builds explained decisions: every item's outcome, the reasons in clause order, and the obligations.</summary>
internal static class DecisionBuilder
{
    // Above these sizes the per-evaluation scratch space comes from the heap rather than the stack.
    private const int StackFlags = 512;
    private const int StackItems = 64;

    public static Decision Decide(LegalRequest r, RuleVersion version, Instant decidedAt, RuleSet rules)
    {
        Clause[] clauses = version.ClauseArray;
        Subject[] subjects = r.SubjectArray;
        DataCategory[] categories = r.RequestedDataArray;
        int k = clauses.Length;
        int m = categories.Length;
        int items = subjects.Length * m;
        Span<bool> fired = items * k <= StackFlags ? stackalloc bool[items * k] : new bool[items * k];
        Span<ItemOutcome> outcomes = items <= StackItems ? stackalloc ItemOutcome[items] : new ItemOutcome[items];
        var tally = default(OutcomeTally);
        int defaultDenials = 0;

        // Clauses are evaluated level by level: order clauses once, account clauses once per account, item clauses once
        // per item; the flags of the levels above are copied into each item's row, so every row records exactly the clauses
        // that fire for that item.
        int[] orderAt = version.OrderClauseIndexes;
        int[] subjectAt = version.SubjectClauseIndexes;
        int[] itemAt = version.ItemClauseIndexes;
        FactVector order = FactReader.ForOrder(r);
        FactVector facts = order;
        ReadOnlySpan<bool> orderRow = fired[..k];
        FiredEffects orderFired = ItemEvaluator.Fire(clauses, orderAt, in facts, FiredEffects.None, fired[..k]);
        ulong itemsInForce = version.TermsOfService.InForceMask(version.CatalogueDate(r.ReceivedOn));
        for (int s = 0; s < subjects.Length; s++)
        {
            FactReader.SetSubject(ref facts, subjects[s], version.TermsOfService, itemsInForce);
            Span<bool> subjectRow = fired.Slice(s * m * k, k);
            Copy(orderRow, subjectRow, orderAt);
            FiredEffects subjectFired = ItemEvaluator.Fire(clauses, subjectAt, in facts, orderFired, subjectRow);
            for (int c = 0; c < m; c++)
            {
                int p = (s * m) + c;
                Span<bool> row = fired.Slice(p * k, k);
                Copy(subjectRow, row, orderAt);
                Copy(subjectRow, row, subjectAt);
                FactReader.SetCategory(ref facts, categories[c]);
                ItemOutcome outcome = ItemEvaluator.Fire(clauses, itemAt, in facts, subjectFired, row).Resolve();
                outcomes[p] = outcome;
                tally.Add(outcome);
                if (outcome == ItemOutcome.Denied && !AnyDenyFired(clauses, row))
                {
                    defaultDenials++;
                }
            }
        }

        // Counted first, then written, so the reasons go straight into an array of their exact size.
        int clauseReasons = ClauseReasons(clauses, subjects, categories, fired, outcomes, in order, version.TermsOfService, itemsInForce, null, out Clause? pendingClause, out Clause? permitClause);
        var reasons = new Reason[clauseReasons + defaultDenials];
        ClauseReasons(clauses, subjects, categories, fired, outcomes, in order, version.TermsOfService, itemsInForce, reasons, out _, out _);

        var results = new ItemResult[items];
        int affected = 0;
        int at = clauseReasons;
        for (int s = 0; s < subjects.Length; s++)
        {
            bool anyPermitted = false;
            string account = subjects[s].AccountReference;
            for (int c = 0; c < m; c++)
            {
                int p = (s * m) + c;
                results[p] = new ItemResult(account, categories[c], outcomes[p]);
                anyPermitted |= outcomes[p] == ItemOutcome.Permitted;
                if (outcomes[p] == ItemOutcome.Denied && !AnyDenyFired(clauses, fired.Slice(p * k, k)))
                {
                    reasons[at++] = Reason.Owning(
                        ReasonCodes.NoPermittingClause,
                        ClauseEffectKind.Deny,
                        null,
                        version.Citation,
                        null,
                        $"No clause of {version.Id} permits disclosing {categories[c]}, so it is denied by default.",
                        [new FactValue(FactInfo.Describe(Fact.DataCategory), categories[c].ToString())],
                        account,
                        categories[c]);
                }
            }

            affected += anyPermitted ? 1 : 0;
        }

        var obligations = new Obligation[(pendingClause is null ? 0 : 1) + (permitClause is null ? 0 : 1)];
        int next = 0;
        if (pendingClause is not null)
        {
            obligations[next++] = new Obligation(
                ObligationKind.PerformLegalAnalysis,
                "Perform the legal analysis of the request; nothing may be disclosed before it has passed.",
                pendingClause.Citation,
                null);
        }

        if (permitClause is not null)
        {
            obligations[next] = ReportObligation(r.Jurisdiction.Code, version, permitClause, affected, decidedAt, rules);
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
            reasons,
            obligations);
    }

    // The clauses' reasons in clause order, written into 'into' (or only counted when it is null); returns how many there are.
    private static int ClauseReasons(
        Clause[] clauses,
        Subject[] subjects,
        DataCategory[] categories,
        ReadOnlySpan<bool> fired,
        ReadOnlySpan<ItemOutcome> outcomes,
        in FactVector order,
        TosCatalogue catalogue,
        ulong itemsInForce,
        Reason[]? into,
        out Clause? pendingClause,
        out Clause? permitClause)
    {
        int k = clauses.Length;
        int m = categories.Length;
        int count = 0;
        pendingClause = null;
        permitClause = null;
        for (int i = 0; i < k; i++)
        {
            Clause clause = clauses[i];
            ClauseEffectKind kind = clause.Effect.Kind;
            bool any = false;
            for (int s = 0; s < subjects.Length; s++)
            {
                bool subjectReported = false;
                for (int c = 0; c < m; c++)
                {
                    int p = (s * m) + c;
                    if (!Counts(fired[(p * k) + i], kind, outcomes[p]))
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
                            if (into is not null)
                            {
                                into[count] = FromClause(clause, in order, catalogue, itemsInForce, subjects[s], categories[c], null, null);
                            }

                            count++;
                        }
                    }
                    else if (clause.Level == FactLevel.Subject)
                    {
                        if (!subjectReported)
                        {
                            if (into is not null)
                            {
                                into[count] = FromClause(clause, in order, catalogue, itemsInForce, subjects[s], categories[c], subjects[s].AccountReference, null);
                            }

                            count++;
                            subjectReported = true;
                        }
                    }
                    else
                    {
                        if (into is not null)
                        {
                            into[count] = FromClause(clause, in order, catalogue, itemsInForce, subjects[s], categories[c], subjects[s].AccountReference, categories[c]);
                        }

                        count++;
                    }
                }
            }

            if (any && kind == ClauseEffectKind.Pending)
            {
                pendingClause ??= clause;
            }
            else if (any && kind == ClauseEffectKind.Permit)
            {
                permitClause ??= clause;
            }
        }

        return count;
    }

    // A pending or permitting clause explains an item only where it decided it; denials are reported wherever they fire.
    private static bool Counts(bool fired, ClauseEffectKind kind, ItemOutcome outcome) => fired && kind switch
    {
        ClauseEffectKind.Permit => outcome == ItemOutcome.Permitted,
        ClauseEffectKind.Pending => outcome == ItemOutcome.PendingLegalAnalysis,
        _ => true,
    };

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

    private static Reason FromClause(
        Clause clause,
        in FactVector order,
        TosCatalogue catalogue,
        ulong itemsInForce,
        Subject subject,
        DataCategory category,
        string? account,
        DataCategory? reportedCategory)
    {
        Fact[] looked = clause.Condition.FactArray;
        FactValue[] values = [];
        if (looked.Length != 0)
        {
            // The item's facts: the order's, with its account's and its data category.
            FactVector facts = order;
            FactReader.SetSubject(ref facts, subject, catalogue, itemsInForce);
            FactReader.SetCategory(ref facts, category);
            values = FactReader.Describe(looked, in facts);
        }

        return Reason.Owning(
            clause.Effect.ReasonCode,
            clause.Effect.Kind,
            clause.Id,
            clause.Citation,
            clause.Wording,
            values.Length == 0 ? clause.Summary : WithFacts(clause.Summary, values),
            values,
            account,
            reportedCategory);
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

    private static Obligation ReportObligation(string country, RuleVersion version, Clause clause, int affected, Instant decidedAt, RuleSet rules)
    {
        ReportingLead lead = rules.LeadFor(version, decidedAt.InZone(rules.Zone).Date);
        var entry = new TransparencyReportEntry(country, version.Cadence, lead.Period, affected, clause.Citation);
        return new Obligation(
            ObligationKind.RecordInTransparencyReport,
            string.Concat(lead.Text, country, ", 1 fulfilled request, ", affected.ToString(CultureInfo.InvariantCulture), " affected user(s)."),
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
