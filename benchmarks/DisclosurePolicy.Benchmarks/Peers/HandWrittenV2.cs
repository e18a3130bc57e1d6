using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>
/// Clause 8.3 as of 2024-09-23 (V2) written as plain conditionals: what a host would write without a rules library, and the
/// practical lower bound for the cost of a decision.
/// </summary>
/// <remarks>
/// <para>Same semantics as the built-in V2: per account and data item, any refusing clause denies (deny overrides);
/// otherwise preservation-only is not applicable, a legal analysis not yet performed is pending, and the IP address or
/// phone number is permitted. Order-level and account-level clauses are worked out once and reused, as a hand-written check
/// would. It expects a request that validates (the batch has only such requests); it checks nothing else.</para>
/// </remarks>
public static class HandWrittenV2
{
    /// <summary>Decides a request under V2.</summary>
    /// <param name="request">A valid request.</param>
    /// <returns>The outcome.</returns>
    public static DecisionOutcome Decide(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool judicial = request.Authority.Kind is IssuingAuthorityKind.Court or IssuingAuthorityKind.Judge or IssuingAuthorityKind.InvestigatingJudge
            && request.Instrument is InstrumentKind.CourtOrder or InstrumentKind.SearchWarrant or InstrumentKind.CourtProductionOrder
                or InstrumentKind.EuropeanProductionOrder or InstrumentKind.EuropeanPreservationOrder or InstrumentKind.CivilCourtOrder;
        bool valid = request.OrderIsValid && request.Provenance.Verification == OriginVerification.VerifiedOutOfBand;
        LegalAnalysisOutcome analysis = request.LegalAnalysis.Outcome;

        bool orderRefused =
            (request.EmergencyClaim && !(judicial && request.IssuerIsRelevant && valid))
            || request.Recipient is not (RecipientKind.LawEnforcementAuthority or RecipientKind.JudicialAuthority or RecipientKind.OtherPublicAuthority)
            || !judicial
            || !request.IssuerIsRelevant
            || !valid
            || request.Proceeding != ProceedingKind.Criminal
            || analysis == LegalAnalysisOutcome.Failed;

        ItemVerdict allowed = analysis == LegalAnalysisOutcome.NotPerformed ? ItemVerdict.Pending
            : ItemVerdict.Permitted;

        IReadOnlyList<Subject> subjects = request.Subjects;
        IReadOnlyList<DataCategory> data = request.RequestedData;
        var tally = default(VerdictTally);
        for (int s = 0; s < subjects.Count; s++)
        {
            Subject subject = subjects[s];
            bool refused = orderRefused
                || subject.Status is not (SubjectStatus.Suspect or SubjectStatus.Accused)
                || !ViolatesTermsOfService(subject.Offences);
            for (int c = 0; c < data.Count; c++)
            {
                // Scope before merits: a preservation-only request is outside the clause whatever else fails.
                tally.Add(request.PreservationOnly ? ItemVerdict.NotApplicable
                    : refused || data[c] is not (DataCategory.IpAddress or DataCategory.PhoneNumber) ? ItemVerdict.Denied
                    : allowed);
            }
        }

        return tally.Outcome();
    }

    // The offences the Terms of Service catalogue maps to an item in force under V2 (items 1 to 4 are all in force from
    // 2024-09-23); spam, money laundering, hacking, copyright, defamation, extremism and speech offences are not mapped.
    private static bool ViolatesTermsOfService(IReadOnlyList<OffenceCategory> offences)
    {
        for (int i = 0; i < offences.Count; i++)
        {
            if (offences[i] is OffenceCategory.Terrorism or OffenceCategory.ChildSexualAbuse or OffenceCategory.DrugTrafficking
                or OffenceCategory.FirearmsTrafficking or OffenceCategory.ForgedDocuments or OffenceCategory.OtherIllegalGoodsOrServices
                or OffenceCategory.MoneyLaundering or OffenceCategory.AttacksOnInformationSystems
                or OffenceCategory.FraudOrScam or OffenceCategory.Spam or OffenceCategory.PublicIncitementToViolence or OffenceCategory.PublicIllegalPornography)
            {
                return true;
            }
        }

        return false;
    }
}
