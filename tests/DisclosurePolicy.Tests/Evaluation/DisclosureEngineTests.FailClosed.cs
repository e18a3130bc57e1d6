using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>Fail closed: whatever the engine cannot decide is a deny with a reason, never an exception and never an allow.</summary>
public partial class DisclosureEngineTests
{
    [Fact]
    public void Evaluate_NullRequest_DeniesWithInsufficientInformation()
    {
        Decision decision = Engine.Evaluate(null);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(string.Empty, decision.RequestId);
        Assert.Equal(string.Empty, decision.Jurisdiction);
        Assert.Null(decision.ReceivedOn);
        Assert.Null(decision.VersionId);
        Assert.Empty(decision.Results);
        Reason reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCodes.InsufficientInformation, reason.Code);
        Assert.Equal("The request cannot be decided: request: the request is missing.", reason.Message);
        DecisionAssert.HasFacts(reason, ("request", "(missing)"));
        Assert.Contains("Request (none): DENY", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NullRequest_Denies()
    {
        Assert.Equal(DecisionOutcome.Deny, Engine.Decide(null));
        Assert.Equal(DecisionOutcome.Deny, Engine.Decide(null, BuiltInRules.V2));
    }

    [Fact]
    public void Evaluate_InvalidRequestOtherwisePermitted_DeniesWithOneReasonPerProblem()
    {
        LegalRequest request = (RequestFacts.Of(Some.V2Permitted()) with
        {
            Jurisdiction = new Jurisdiction("XX"),
            Proceeding = ProceedingKind.Unspecified,
            RequestedData = [DataCategory.IpAddress, DataCategory.IpAddress],
        }).ToRequest();

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(DecisionOutcome.Deny, Engine.Decide(request));
        Assert.Equal("V2", decision.VersionId);
        Assert.Equal(
            [
                "The request cannot be decided: jurisdiction: not an ISO 3166-1 alpha-2 country code.",
                $"The request cannot be decided: proceeding: a value is required; accepted: {string.Join(", ", Enum.GetNames<ProceedingKind>().Skip(1))}.",
                "The request cannot be decided: requestedData[1]: listed already at requestedData[0].",
            ],
            decision.Reasons.Select(r => r.Message));
        Assert.All(decision.Reasons, r => Assert.Equal(ReasonCodes.InsufficientInformation, r.Code));
        Assert.Equal(
            [new FactValue("jurisdiction", "XX"), new FactValue("proceeding", "(missing)"), new FactValue("requestedData[1]", "IpAddress")],
            decision.Reasons.SelectMany(r => r.Facts));
        DecisionAssert.AllItems(decision, ItemOutcome.Denied);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void Evaluate_InvalidRequestUnderANamedVersion_StillReportsTheProblems()
    {
        LegalRequest request = (RequestFacts.Of(Some.V1Permitted()) with { Subjects = [] }).ToRequest();

        Decision decision = Engine.Evaluate(request, "V1");

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal("V1", decision.VersionId);
        Assert.Equal([ReasonCodes.InsufficientInformation], DecisionAssert.Codes(decision));
        Assert.Empty(decision.Results);
    }

    [Fact]
    public void Evaluate_FailureInsideEvaluation_DeniesWithEvaluationError()
    {
        var engine = new DisclosureEngine(BuiltInRules.Policy, new ThrowingClock());

        Decision decision = engine.Evaluate(Some.V2Permitted());

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCodes.EvaluationError, reason.Code);
        Assert.Equal(
            "The request could not be decided (InvalidOperationException: The clock is broken.); nothing may be disclosed.",
            reason.Message);
        DecisionAssert.HasFacts(reason, ("error", "InvalidOperationException"));
        DecisionAssert.AllItems(decision, ItemOutcome.Denied);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void Evaluate_ValidRequestWithMaximalDates_IsDecidedWithoutError()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: NodaTime.LocalDate.MaxIsoValue);

        // Decided on the last day there is: a request is never received after the day of its decision.
        Decision decision = Engines.At(NodaTime.Instant.MaxValue).Evaluate(request);

        Assert.Equal("V2", decision.VersionId);
        Assert.True(decision.Outcome == DecisionOutcome.MayDisclose, decision.Explain());
    }

    [Theory]
    [InlineData("V0")]
    [InlineData("V1")]
    [InlineData("V2")]
    public void Decide_ExampleRequests_AgreesWithEvaluate(string version)
    {
        LegalRequest[] requests =
        [
            Some.V1Permitted(),
            Some.V2Permitted(),
            Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed),
            Some.With(Some.V2Permitted(), preservationOnly: true),
            Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress, DataCategory.Media]),
            Some.With(Some.V2Permitted(), valid: false),
        ];

        foreach (LegalRequest request in requests)
        {
            RuleVersion v = BuiltInRules.Policy.FindVersion(version)!;
            Assert.Equal(Engine.Evaluate(request, v).Outcome, Engine.Decide(request, v));
        }
    }
}
