using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Docs;

/// <summary>The README's examples, compiled and checked, so the front page cannot drift from the code.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void EvaluatingARequest_AsWrittenInTheReadme_DecidesAsTheReadmeSays()
    {
        var request = new LegalRequest
        {
            Id = "FR-PJ-2025-00417",
            ReceivedOn = new LocalDate(2025, 2, 10),
            Instrument = InstrumentKind.CourtOrder,
            Authority = new IssuingAuthority(IssuingAuthorityKind.InvestigatingJudge, "Tribunal judiciaire de Paris"),
            Jurisdiction = new Jurisdiction("FR"),
            Proceeding = ProceedingKind.Criminal,
            OrderIsValid = true,
            IssuerIsRelevant = true,
            Recipient = RecipientKind.LawEnforcementAuthority,
            Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
            Subjects = [new Subject("user:5830017722", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)],
            RequestedData = [DataCategory.IpAddress, DataCategory.CloudMessageContent],
            LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Competent judge; ToS item 4."),
        };

        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 2, 11, 8, 0)));
        Decision decision = engine.Evaluate(request);
        Decision under2018 = engine.Evaluate(request, "V1");
        DecisionOutcome outcome = engine.Decide(request);

        Assert.Equal("V2", decision.VersionId);
        Assert.Equal(DecisionOutcome.PartiallyPermitted, decision.Outcome);
        Assert.Equal(ItemOutcome.Permitted, decision.Results[0].Outcome);
        Assert.Equal(ItemOutcome.Denied, decision.Results[1].Outcome);
        Assert.Contains(decision.Reasons, r => r.Code == ReasonCodes.DataCategoryNotDisclosable && r.Wording == "your IP address and phone number");
        Obligation report = Assert.Single(decision.Obligations);
        Assert.Equal(ObligationKind.RecordInTransparencyReport, report.Kind);
        Assert.Equal(1, report.ReportEntry!.AffectedUsers);
        Assert.Equal(DecisionOutcome.Deny, under2018.Outcome);
        Assert.Contains(under2018.Reasons, r => r.Code == ReasonCodes.NotTerrorSuspect);
        Assert.Equal(decision.Outcome, outcome);
        Assert.Contains("your IP address and phone number", decision.Explain());
    }
}
