using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Tests.Comparison;

/// <summary>
/// What the 2018 and 2024 wordings of clause 8.3 imply for one item, written straight from the domain brief's reading of
/// each text (its clause list and interpretation defaults), independently of the rule model, as an oracle for comparison.
/// </summary>
public static class RuleWordings
{
    private static readonly InstrumentKind[] Orders =
    [
        InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder,
        InstrumentKind.EuropeanProductionOrder, InstrumentKind.EuropeanPreservationOrder, InstrumentKind.CivilCourtOrder,
    ];

    private static readonly IssuingAuthorityKind[] Judicial =
        [IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge];

    // Offences that violate a Terms-of-Service item in force from 2024-09-23 under the default mapping (items 1 to 4): every
    // item whose words the offence meets, whether or not the case is criminal (that is the proceeding test).
    private static readonly OffenceCategory[] TosViolations =
    [
        OffenceCategory.Terrorism, OffenceCategory.ChildSexualAbuse, OffenceCategory.DrugTrafficking, OffenceCategory.FirearmsTrafficking,
        OffenceCategory.ForgedDocuments, OffenceCategory.OtherIllegalGoodsOrServices, OffenceCategory.MoneyLaundering,
        OffenceCategory.AttacksOnInformationSystems, OffenceCategory.FraudOrScam, OffenceCategory.Spam,
        OffenceCategory.PublicIncitementToViolence, OffenceCategory.PublicIllegalPornography,
    ];

    /// <summary>"If Telegram receives a court order that confirms you're a terror suspect, we may disclose your IP address and phone number to the relevant authorities."</summary>
    public static ItemOutcome V1(LegalRequest r, Subject s, DataCategory category)
    {
        bool courtOrder = CourtOrder(r);
        bool valid = Valid(r);
        bool denied = (r.EmergencyClaim && !(courtOrder && valid))
            || !ToAuthority(r)
            || !IpOrPhone(category)
            || !courtOrder
            || !valid
            || !Suspect(s)
            || !s.Offences.Contains(OffenceCategory.Terrorism);
        // A preservation-only request is outside the clause, whatever else it fails: scope before merits.
        return r.PreservationOnly ? ItemOutcome.NotApplicable
            : denied ? ItemOutcome.Denied
            : ItemOutcome.Permitted;
    }

    /// <summary>"If Telegram receives a valid order from the relevant judicial authorities that confirms you're a suspect in a case
    /// involving criminal activities that violate the Telegram Terms of Service, we will perform a legal analysis of the
    /// request and may disclose your IP address and phone number to the relevant authorities."</summary>
    public static ItemOutcome V2(LegalRequest r, Subject s, DataCategory category)
    {
        bool courtOrder = CourtOrder(r);
        bool valid = Valid(r);
        bool denied = (r.EmergencyClaim && !(courtOrder && r.IssuerIsRelevant && valid))
            || !ToAuthority(r)
            || !IpOrPhone(category)
            || !courtOrder
            || !r.IssuerIsRelevant
            || !valid
            || r.Proceeding != ProceedingKind.Criminal
            || !Suspect(s)
            || !s.Offences.Any(TosViolations.Contains)
            || r.LegalAnalysis.Outcome == LegalAnalysisOutcome.Failed;
        return r.PreservationOnly ? ItemOutcome.NotApplicable
            : denied ? ItemOutcome.Denied
            : r.LegalAnalysis.Outcome == LegalAnalysisOutcome.NotPerformed ? ItemOutcome.PendingLegalAnalysis
            : ItemOutcome.Permitted;
    }

    private static bool CourtOrder(LegalRequest r) => Judicial.Contains(r.Authority.Kind) && Orders.Contains(r.Instrument);

    private static bool Valid(LegalRequest r) => r.OrderIsValid && r.Provenance.Verification == OriginVerification.VerifiedOutOfBand;

    private static bool ToAuthority(LegalRequest r) => r.Recipient is not (RecipientKind.PrivateParty or RecipientKind.Lawyer);

    private static bool IpOrPhone(DataCategory c) => c is DataCategory.IpAddress or DataCategory.PhoneNumber;

    private static bool Suspect(Subject s) => s.Status is SubjectStatus.Suspect or SubjectStatus.Accused;
}
