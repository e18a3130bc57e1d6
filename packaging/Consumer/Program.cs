using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;

// A host's smallest use of the package: describe a request, evaluate it, act on the decision.
var request = new LegalRequest
{
    Id = "CONSUMER-1",
    ReceivedOn = new LocalDate(2025, 2, 10),
    Instrument = InstrumentKind.CourtOrder,
    Authority = new IssuingAuthority(IssuingAuthorityKind.Court, "Amtsgericht Berlin-Tiergarten"),
    Jurisdiction = new Jurisdiction("DE"),
    Proceeding = ProceedingKind.Criminal,
    OrderIsValid = true,
    IssuerIsRelevant = true,
    Recipient = RecipientKind.LawEnforcementAuthority,
    Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
    Subjects = [new Subject("user:42", SubjectStatus.Suspect, OffenceCategory.ChildSexualAbuse)],
    RequestedData = [DataCategory.IpAddress, DataCategory.CloudMessageContent],
    LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Competent court; ToS item 4."),
};

var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 2, 11, 8, 0)));
Decision decision = engine.Evaluate(request);
Console.WriteLine(decision.Explain());

bool expected = decision.Outcome == DecisionOutcome.PartiallyPermitted
    && decision.Results.Single(r => r.Category == DataCategory.IpAddress).Outcome == ItemOutcome.Permitted
    && decision.Results.Single(r => r.Category == DataCategory.CloudMessageContent).Outcome == ItemOutcome.Denied
    && engine.Decide(request) == decision.Outcome;
Console.WriteLine(expected ? "consumer: package works as expected" : "consumer: UNEXPECTED decision");
return expected ? 0 : 1;
