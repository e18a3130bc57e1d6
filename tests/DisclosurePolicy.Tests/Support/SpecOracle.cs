using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Tests.Support;

/// <summary>
/// An independent restatement of the built-in rules, written from the domain brief (evaluation order, V1 and V2 clauses,
/// interpretation defaults) in plain C# rather than as conditions: for a valid request and a version it gives the outcome
/// of every item and the reasons the engine must report, in clause order. Properties compare the engine against it.
/// </summary>
public static class SpecOracle
{
    private static readonly IssuingAuthorityKind[] Judicial =
        [IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge];

    // Orders of a court (warrants, production orders, EPOC and EPOC-PR included); subpoenas and police, administrative,
    // intelligence, emergency, MLAT and informal requests are not.
    private static readonly InstrumentKind[] CourtInstruments =
    [
        InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder,
        InstrumentKind.EuropeanProductionOrder, InstrumentKind.EuropeanPreservationOrder, InstrumentKind.CivilCourtOrder,
    ];

    private static readonly RecipientKind[] Authorities =
        [RecipientKind.LawEnforcementAuthority, RecipientKind.JudicialAuthority, RecipientKind.OtherPublicAuthority];

    /// <summary>The offences the default catalogue maps to a Terms-of-Service item: every item whose words they meet (§3).</summary>
    public static readonly OffenceCategory[] TosMapped =
    [
        OffenceCategory.Terrorism, OffenceCategory.ChildSexualAbuse, OffenceCategory.DrugTrafficking,
        OffenceCategory.FirearmsTrafficking, OffenceCategory.ForgedDocuments, OffenceCategory.OtherIllegalGoodsOrServices,
        OffenceCategory.MoneyLaundering, OffenceCategory.AttacksOnInformationSystems,
        OffenceCategory.FraudOrScam, OffenceCategory.Spam, OffenceCategory.PublicIncitementToViolence, OffenceCategory.PublicIllegalPornography,
    ];

    /// <summary>The offences whose words no item meets, left unmapped (borderline or not illegal in most countries).</summary>
    public static readonly OffenceCategory[] TosUnmapped =
    [
        OffenceCategory.CopyrightInfringement, OffenceCategory.Defamation, OffenceCategory.SpeechOffenceAgainstState,
        OffenceCategory.NonViolentExtremism, OffenceCategory.Other,
    ];

    /// <summary>Whether the issuer is a court, judge or investigating judge and the instrument an order of a court.</summary>
    public static bool IsCourtOrder(LegalRequest r) => Judicial.Contains(r.Authority.Kind) && CourtInstruments.Contains(r.Instrument);

    /// <summary>Whether the order is valid and its origin verified out of band (anything else counts as not valid).</summary>
    public static bool IsValidOrder(LegalRequest r) => r.OrderIsValid && r.Provenance.Verification == OriginVerification.VerifiedOutOfBand;

    /// <summary>Whether the order confirms a suspect (an accused counts; a convicted person, witness or victim does not).</summary>
    public static bool IsSuspect(Subject s) => s.Status is SubjectStatus.Suspect or SubjectStatus.Accused;

    /// <summary>Whether the data category is ever disclosable.</summary>
    public static bool IsDisclosable(DataCategory c) => c is DataCategory.IpAddress or DataCategory.PhoneNumber;

    /// <summary>Whether the recipient is an authority.</summary>
    public static bool IsAuthority(RecipientKind k) => Authorities.Contains(k);

    /// <summary>Decides a valid request under a built-in version (V0, V1 or V2) as the brief states the rules.</summary>
    public static Expected Decide(LegalRequest r, string versionId) => versionId switch
    {
        "V0" => Run(r, V0Clauses()),
        "V1" => Run(r, V1Clauses()),
        "V2" => Run(r, V2Clauses()),
        _ => throw new ArgumentOutOfRangeException(nameof(versionId), versionId, "Only V0, V1 and V2 are restated."),
    };

    private static Rule[] V0Clauses() =>
    [
        new("8.3-none/no-clause", ReasonCodes.NoDisclosureClauseInForce, ClauseEffectKind.Deny, Scope.Order, (_, _, _) => true),
    ];

    private static Rule[] V1Clauses() =>
    [
        new("8.3-2018/preservation", ReasonCodes.PreservationNotCovered, ClauseEffectKind.NotApplicable, Scope.Order, (r, _, _) => r.PreservationOnly),
        new("8.3-2018/emergency", ReasonCodes.EmergencyNotCovered, ClauseEffectKind.Deny, Scope.Order,
            (r, _, _) => r.EmergencyClaim && !(IsCourtOrder(r) && IsValidOrder(r))),
        new("8.3-2018/recipient", ReasonCodes.RecipientNotAnAuthority, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !IsAuthority(r.Recipient)),
        new("8.3-2018/data", ReasonCodes.DataCategoryNotDisclosable, ClauseEffectKind.Deny, Scope.Item, (_, _, c) => !IsDisclosable(c)),
        new("8.3-2018/court-order", ReasonCodes.NotACourtOrder, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !IsCourtOrder(r)),
        new("8.3-2018/valid", ReasonCodes.OrderNotValid, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !IsValidOrder(r)),
        new("8.3-2018/suspect", ReasonCodes.SubjectNotConfirmedSuspect, ClauseEffectKind.Deny, Scope.Subject, (_, s, _) => !IsSuspect(s)),
        new("8.3-2018/terror", ReasonCodes.NotTerrorSuspect, ClauseEffectKind.Deny, Scope.Subject,
            (_, s, _) => !s.Offences.Contains(OffenceCategory.Terrorism)),
        new("8.3-2018/disclose", ReasonCodes.CourtOrderConfirmsTerrorSuspect, ClauseEffectKind.Permit, Scope.Item, (_, _, c) => IsDisclosable(c)),
    ];

    private static Rule[] V2Clauses() =>
    [
        new("8.3-2024/preservation", ReasonCodes.PreservationNotCovered, ClauseEffectKind.NotApplicable, Scope.Order, (r, _, _) => r.PreservationOnly),
        new("8.3-2024/emergency", ReasonCodes.EmergencyNotCovered, ClauseEffectKind.Deny, Scope.Order,
            (r, _, _) => r.EmergencyClaim && !(IsCourtOrder(r) && r.IssuerIsRelevant && IsValidOrder(r))),
        new("8.3-2024/recipient", ReasonCodes.RecipientNotAnAuthority, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !IsAuthority(r.Recipient)),
        new("8.3-2024/data", ReasonCodes.DataCategoryNotDisclosable, ClauseEffectKind.Deny, Scope.Item, (_, _, c) => !IsDisclosable(c)),
        new("8.3-2024/judicial-authority", ReasonCodes.IssuerNotJudicialAuthority, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !IsCourtOrder(r)),
        new("8.3-2024/relevant", ReasonCodes.IssuerNotRelevant, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !r.IssuerIsRelevant),
        new("8.3-2024/valid", ReasonCodes.OrderNotValid, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => !IsValidOrder(r)),
        new("8.3-2024/criminal", ReasonCodes.NotACriminalCase, ClauseEffectKind.Deny, Scope.Order, (r, _, _) => r.Proceeding != ProceedingKind.Criminal),
        new("8.3-2024/suspect", ReasonCodes.SubjectNotConfirmedSuspect, ClauseEffectKind.Deny, Scope.Subject, (_, s, _) => !IsSuspect(s)),
        new("8.3-2024/terms-of-service", ReasonCodes.ActivityNotTosViolation, ClauseEffectKind.Deny, Scope.Subject,
            (_, s, _) => !s.Offences.Any(TosMapped.Contains)),
        new("8.3-2024/analysis-failed", ReasonCodes.LegalAnalysisFailed, ClauseEffectKind.Deny, Scope.Order,
            (r, _, _) => r.LegalAnalysis.Outcome == LegalAnalysisOutcome.Failed),
        new("8.3-2024/analysis-pending", ReasonCodes.PendingLegalAnalysis, ClauseEffectKind.Pending, Scope.Order,
            (r, _, _) => r.LegalAnalysis.Outcome == LegalAnalysisOutcome.NotPerformed),
        new("8.3-2024/disclose", ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect, ClauseEffectKind.Permit, Scope.Item, (_, _, c) => IsDisclosable(c)),
    ];

    private static Expected Run(LegalRequest r, Rule[] rules)
    {
        int m = r.RequestedData.Count;
        var items = new ItemOutcome[r.Subjects.Count * m];
        var fires = new bool[items.Length, rules.Length];
        for (int s = 0; s < r.Subjects.Count; s++)
        {
            for (int c = 0; c < m; c++)
            {
                int p = (s * m) + c;
                for (int i = 0; i < rules.Length; i++)
                {
                    fires[p, i] = rules[i].Fires(r, r.Subjects[s], r.RequestedData[c]);
                }

                bool Any(ClauseEffectKind kind) => Enumerable.Range(0, rules.Length).Any(i => fires[p, i] && rules[i].Effect == kind);
                int First(ClauseEffectKind kind) => Enumerable.Range(0, rules.Length).FirstOrDefault(i => fires[p, i] && rules[i].Effect == kind, int.MaxValue);

                // Scope before merits (DOMAIN.md section 7, step 5): a not-applicable rule outranks every deny after it.
                items[p] = First(ClauseEffectKind.Deny) < First(ClauseEffectKind.NotApplicable) ? ItemOutcome.Denied
                    : Any(ClauseEffectKind.NotApplicable) ? ItemOutcome.NotApplicable
                    : Any(ClauseEffectKind.Pending) ? ItemOutcome.PendingLegalAnalysis
                    : Any(ClauseEffectKind.Permit) ? ItemOutcome.Permitted
                    : ItemOutcome.Denied;
            }
        }

        // A deny or not-applicable clause is reported wherever it fires; a pending or permitting clause only where it decided the item.
        var reasons = new List<ExpectedReason>();
        for (int i = 0; i < rules.Length; i++)
        {
            Rule rule = rules[i];
            var seenSubjects = new HashSet<int>();
            bool order = false;
            for (int s = 0; s < r.Subjects.Count; s++)
            {
                for (int c = 0; c < m; c++)
                {
                    int p = (s * m) + c;
                    bool counts = fires[p, i] && rule.Effect switch
                    {
                        ClauseEffectKind.Permit => items[p] == ItemOutcome.Permitted,
                        ClauseEffectKind.Pending => items[p] == ItemOutcome.PendingLegalAnalysis,
                        _ => true,
                    };
                    if (!counts)
                    {
                        continue;
                    }

                    switch (rule.Scope)
                    {
                        case Scope.Order when !order:
                            order = true;
                            reasons.Add(new(rule.Code, rule.Id, null, null));
                            break;
                        case Scope.Subject when seenSubjects.Add(s):
                            reasons.Add(new(rule.Code, rule.Id, r.Subjects[s].AccountReference, null));
                            break;
                        case Scope.Item:
                            reasons.Add(new(rule.Code, rule.Id, r.Subjects[s].AccountReference, r.RequestedData[c]));
                            break;
                    }
                }
            }
        }

        int permitted = items.Count(o => o == ItemOutcome.Permitted);
        DecisionOutcome outcome = permitted == items.Length ? DecisionOutcome.MayDisclose
            : permitted > 0 ? DecisionOutcome.PartiallyPermitted
            : items.Contains(ItemOutcome.PendingLegalAnalysis) ? DecisionOutcome.PendingLegalAnalysis
            : items.Contains(ItemOutcome.NotApplicable) ? DecisionOutcome.NotApplicable
            : DecisionOutcome.Deny;
        return new Expected(outcome, items, reasons);
    }

    /// <summary>What the rules say about a request.</summary>
    /// <param name="Outcome">The overall outcome.</param>
    /// <param name="Items">The outcome per account and category, accounts first, in request order.</param>
    /// <param name="Reasons">The reasons, in clause order.</param>
    public sealed record Expected(DecisionOutcome Outcome, IReadOnlyList<ItemOutcome> Items, IReadOnlyList<ExpectedReason> Reasons);

    /// <summary>A reason the engine must report: its code, clause, and the account and category it concerns.</summary>
    public sealed record ExpectedReason(string Code, string ClauseId, string? Account, DataCategory? Category)
    {
        /// <summary>Reads the same four members from an engine reason.</summary>
        public static ExpectedReason Of(Reason reason) => new(reason.Code, reason.ClauseId ?? "(engine)", reason.AccountReference, reason.Category);
    }

    private enum Scope
    {
        Order,
        Subject,
        Item,
    }

    private sealed record Rule(string Id, string Code, ClauseEffectKind Effect, Scope Scope, Func<LegalRequest, Subject, DataCategory, bool> Fires);
}
