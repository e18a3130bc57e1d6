using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Builds requests that pass every clause of a version, so a test changes exactly the fact it is about.</summary>
public static class Some
{
    public static readonly LocalDate V1Day = new(2020, 3, 15);
    public static readonly LocalDate V2Day = new(2025, 2, 10);

    /// <summary>A request that V2 permits in full: valid, verified order of a relevant court, criminal case, suspect of drug trafficking, analysis passed.</summary>
    public static LegalRequest V2Permitted(string id = "REQ-2025-001") => new()
    {
        Id = id,
        ReceivedOn = V2Day,
        IssuedOn = V2Day.PlusDays(-3),
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

    /// <summary>A request that V1 permits in full: valid, verified court order confirming a terror suspect.</summary>
    public static LegalRequest V1Permitted(string id = "REQ-2020-001") => With(
        V2Permitted(id),
        receivedOn: V1Day,
        subjects: [new Subject("user:2002", SubjectStatus.Suspect, OffenceCategory.Terrorism)]);

    /// <summary>Copies a request, replacing the facts given.</summary>
    public static LegalRequest With(
        LegalRequest r,
        string? id = null,
        LocalDate? receivedOn = null,
        InstrumentKind? instrument = null,
        IssuingAuthorityKind? authority = null,
        string? jurisdiction = null,
        ProceedingKind? proceeding = null,
        bool? valid = null,
        bool? relevant = null,
        RecipientKind? recipient = null,
        OriginVerification? verification = null,
        bool? preservationOnly = null,
        bool? emergency = null,
        IReadOnlyList<Subject>? subjects = null,
        IReadOnlyList<DataCategory>? data = null,
        LegalAnalysisOutcome? analysis = null) => new()
        {
            Id = id ?? r.Id,
            ReceivedOn = receivedOn ?? r.ReceivedOn,
            IssuedOn = receivedOn is null ? r.IssuedOn : null,
            Instrument = instrument ?? r.Instrument,
            Authority = authority is null ? r.Authority : new IssuingAuthority(authority.Value, r.Authority.Name),
            Jurisdiction = jurisdiction is null ? r.Jurisdiction : new Jurisdiction(jurisdiction),
            Proceeding = proceeding ?? r.Proceeding,
            OrderIsValid = valid ?? r.OrderIsValid,
            IssuerIsRelevant = relevant ?? r.IssuerIsRelevant,
            Recipient = recipient ?? r.Recipient,
            Provenance = verification is null ? r.Provenance : new Provenance(r.Provenance.Channel, verification.Value),
            PreservationOnly = preservationOnly ?? r.PreservationOnly,
            EmergencyClaim = emergency ?? r.EmergencyClaim,
            Subjects = subjects ?? r.Subjects,
            RequestedData = data ?? r.RequestedData,
            LegalAnalysis = analysis is null ? r.LegalAnalysis : new LegalAnalysis(analysis.Value, null),
        };
}
