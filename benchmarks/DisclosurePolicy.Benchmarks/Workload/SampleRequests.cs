using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Benchmarks.Workload;

/// <summary>The single requests of the one-evaluation benchmarks, both received under V2.</summary>
public static class SampleRequests
{
    /// <summary>A request V2 permits in full: one suspect, IP address and phone number, every clause passes.</summary>
    /// <returns>The request.</returns>
    public static LegalRequest Permitted() => new()
    {
        Id = "REQ-2025-001",
        ReceivedOn = new LocalDate(2025, 2, 10),
        IssuedOn = new LocalDate(2025, 2, 7),
        Instrument = InstrumentKind.CourtOrder,
        Authority = new IssuingAuthority(IssuingAuthorityKind.InvestigatingJudge, "Tribunal judiciaire de Paris"),
        Jurisdiction = new Jurisdiction("FR"),
        Proceeding = ProceedingKind.Criminal,
        OrderIsValid = true,
        IssuerIsRelevant = true,
        Recipient = RecipientKind.LawEnforcementAuthority,
        Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
        Subjects = [new Subject("user:1001", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)],
        RequestedData = [DataCategory.IpAddress, DataCategory.PhoneNumber],
        LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Order reviewed by legal on receipt."),
    };

    /// <summary>
    /// A request V2 permits in part: three accounts (a suspect, an accused, a witness) and three categories (IP address,
    /// phone number, contacts), so items are permitted and denied for different reasons.
    /// </summary>
    /// <returns>The request.</returns>
    public static LegalRequest Partial() => new()
    {
        Id = "REQ-2025-002",
        ReceivedOn = new LocalDate(2025, 6, 2),
        IssuedOn = new LocalDate(2025, 5, 28),
        Instrument = InstrumentKind.SearchWarrant,
        Authority = new IssuingAuthority(IssuingAuthorityKind.Court, "Amtsgericht Berlin-Tiergarten"),
        Jurisdiction = new Jurisdiction("DE"),
        Proceeding = ProceedingKind.Criminal,
        OrderIsValid = true,
        IssuerIsRelevant = true,
        Recipient = RecipientKind.LawEnforcementAuthority,
        Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
        Subjects =
        [
            new Subject("user:2001", SubjectStatus.Suspect, OffenceCategory.ChildSexualAbuse),
            new Subject("user:2002", SubjectStatus.Accused, OffenceCategory.MoneyLaundering, OffenceCategory.FraudOrScam),
            new Subject("user:2003", SubjectStatus.Witness, OffenceCategory.ChildSexualAbuse),
        ],
        RequestedData = [DataCategory.IpAddress, DataCategory.PhoneNumber, DataCategory.Contacts],
        LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Order reviewed by legal on receipt."),
    };
}
