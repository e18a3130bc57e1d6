using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>Invariants of the engine over generated requests, valid and invalid, under the built-in policy.</summary>
public partial class DisclosureEngineTests
{
    private const int Cases = 1_000;

    private static readonly DisclosureEngine Engine = Engines.BuiltIn();

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_AnyRequestAnyEntryPoint_ReturnsDecisionWithReasonsAndNoInternalError(ValidRequest valid, InvalidRequest invalid)
    {
        foreach (LegalRequest request in new[] { valid.Request, invalid.Request })
        {
            Decision[] decisions =
            [
                Engine.Evaluate(request),
                Engine.Evaluate(request, "V0"),
                Engine.Evaluate(request, "V1"),
                Engine.Evaluate(request, "v2"),
                Engine.Evaluate(request, "V7"),
                Engine.Evaluate(request, BuiltInRules.V1),
                Engine.Evaluate(request, new LocalDate(2019, 1, 1)),
            ];

            Assert.All(decisions, d =>
            {
                Assert.NotEmpty(d.Reasons);
                Assert.True(Enum.IsDefined(d.Outcome) && d.Outcome != DecisionOutcome.Unspecified);
                Assert.DoesNotContain(d.Reasons, r => r.Code == ReasonCodes.EvaluationError);
                Assert.False(string.IsNullOrEmpty(d.Explain()));
            });
            Assert.True(Enum.IsDefined(Engine.Decide(request)));
            Assert.True(Enum.IsDefined(Engine.Decide(request, BuiltInRules.V2)));
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_SameRequestAndClock_GivesEqualDecisions(ValidRequest valid, InvalidRequest invalid)
    {
        DisclosureEngine other = Engines.BuiltIn();
        foreach (LegalRequest request in new[] { valid.Request, invalid.Request })
        {
            Decision first = Engine.Evaluate(request);
            Decision again = Engine.Evaluate(request);
            Decision elsewhere = other.Evaluate(RequestFacts.Of(request).ToRequest());

            Assert.Equal(first, again);
            Assert.Equal(first, elsewhere);
            Assert.Equal(first.Explain(), elsewhere.Explain());
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Decide_AnyRequest_AgreesWithEvaluate(ValidRequest valid, InvalidRequest invalid)
    {
        foreach (LegalRequest request in new[] { valid.Request, invalid.Request })
        {
            Assert.Equal(Engine.Evaluate(request).Outcome, Engine.Decide(request));
            foreach (RuleVersion version in BuiltInRules.Policy.Versions)
            {
                Assert.Equal(Engine.Evaluate(request, version).Outcome, Engine.Decide(request, version));
            }
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_ValidRequest_AppliesVersionInForceOnReceivedOn(ValidRequest valid)
    {
        LocalDate received = valid.Request.ReceivedOn;
        string expected = received < new LocalDate(2018, 8, 14) ? "V0" : received <= new LocalDate(2024, 9, 22) ? "V1" : "V2";

        Decision decision = Engine.Evaluate(valid.Request);

        Assert.Equal(expected, decision.VersionId);
        Assert.Equal(BuiltInRules.Policy.FindVersion(expected)!.Citation, decision.VersionCitation);
        Assert.Equal(Engine.Evaluate(valid.Request, expected), decision);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_AnyVersion_PermitsNothingButIpAddressAndPhoneNumber(ValidRequest valid)
    {
        foreach (RuleVersion version in BuiltInRules.Policy.Versions)
        {
            Decision decision = Engine.Evaluate(valid.Request, version);

            Assert.All(
                decision.Results.Where(r => r.Outcome == ItemOutcome.Permitted),
                r => Assert.True(r.Category is DataCategory.IpAddress or DataCategory.PhoneNumber, r.ToString()));
            // Any other category is refused, unless the request is outside the clause altogether (preservation only).
            Assert.All(
                decision.Results.Where(r => r.Category is not (DataCategory.IpAddress or DataCategory.PhoneNumber)),
                r => Assert.Equal(valid.Request.PreservationOnly && version != BuiltInRules.V0 ? ItemOutcome.NotApplicable : ItemOutcome.Denied, r.Outcome));
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_UnderV0_NeverPermitsAndGivesTheOneNoClauseReason(ValidRequest valid)
    {
        Decision named = Engine.Evaluate(valid.Request, "V0");
        Decision byDate = Engine.Evaluate(valid.Request, new LocalDate(2018, 8, 13));

        foreach (Decision decision in new[] { named, byDate })
        {
            Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
            Assert.Equal("V0", decision.VersionId);
            DecisionAssert.AllItems(decision, ItemOutcome.Denied);
            Reason reason = Assert.Single(decision.Reasons);
            Assert.Equal(ReasonCodes.NoDisclosureClauseInForce, reason.Code);
            Assert.Empty(decision.Obligations);
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_PermittedDecision_CarriesExactlyOneReportWithTheVersionsCadence(ValidRequest valid)
    {
        foreach (RuleVersion version in BuiltInRules.Policy.Versions)
        {
            Decision decision = Engine.Evaluate(valid.Request, version);
            int reports = decision.Obligations.Count(o => o.Kind == ObligationKind.RecordInTransparencyReport);
            if (!decision.IsPermitted)
            {
                Assert.Equal(0, reports);
                continue;
            }

            TransparencyReportEntry entry = DecisionAssert.SingleReport(decision);
            Assert.Equal(version.Cadence, entry.Cadence);
            Assert.Equal(version.Id == "V1" ? ReportingCadence.SemiAnnual : ReportingCadence.Quarterly, entry.Cadence);
            Assert.NotNull(entry.Period);
            Assert.True(entry.Period.Contains(Engines.DecidedAt.InUtc().Date));
            Assert.Equal(valid.Request.Jurisdiction.Code, entry.Country);
            Assert.Equal(1, entry.FulfilledRequests);
            Assert.Equal(
                decision.Results.Where(r => r.Outcome == ItemOutcome.Permitted).Select(r => r.AccountReference).Distinct().Count(),
                entry.AffectedUsers);
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_AnyDecision_AsksForLegalAnalysisExactlyWhenAnItemIsPending(ValidRequest valid)
    {
        foreach (RuleVersion version in BuiltInRules.Policy.Versions)
        {
            Decision decision = Engine.Evaluate(valid.Request, version);
            bool pending = decision.Results.Any(r => r.Outcome == ItemOutcome.PendingLegalAnalysis);

            Assert.Equal(pending ? 1 : 0, decision.Obligations.Count(o => o.Kind == ObligationKind.PerformLegalAnalysis));
            Assert.Equal(pending, decision.Reasons.Any(r => r.Code == ReasonCodes.PendingLegalAnalysis));
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_AnyDecision_GivesReasonsInClauseOrderCitingClausesOfTheAppliedVersion(ValidRequest valid)
    {
        foreach (RuleVersion version in BuiltInRules.Policy.Versions)
        {
            Decision decision = Engine.Evaluate(valid.Request, version);
            var clauseIds = version.Clauses.Select(c => c.Id).ToList();

            int[] positions = [.. decision.Reasons.Select(r => clauseIds.IndexOf(r.ClauseId!))];

            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
            Assert.All(decision.Reasons, r =>
            {
                Clause clause = version.Clauses[clauseIds.IndexOf(r.ClauseId!)];
                Assert.Equal(clause.Effect.ReasonCode, r.Code);
                Assert.Equal(clause.Effect.Kind, r.Effect);
                Assert.Equal(clause.Wording, r.Wording);
                Assert.Equal(clause.Citation, r.Citation);
            });
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_InvalidRequest_DeniesWithOneInsufficientInformationReasonPerProblem(InvalidRequest invalid)
    {
        IReadOnlyList<ValidationProblem> problems = invalid.Request.Validate().Problems;

        Decision decision = Engine.Evaluate(invalid.Request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(DecisionOutcome.Deny, Engine.Decide(invalid.Request));
        Assert.Equal(problems.Count, decision.Reasons.Count);
        Assert.All(decision.Reasons.Zip(problems), pair =>
        {
            (Reason reason, ValidationProblem problem) = pair;
            Assert.Equal(ReasonCodes.InsufficientInformation, reason.Code);
            Assert.Equal(ClauseEffectKind.Deny, reason.Effect);
            Assert.Null(reason.ClauseId);
            Assert.Contains(problem.Path, reason.Message, StringComparison.Ordinal);
            Assert.Contains(problem.Message, reason.Message, StringComparison.Ordinal);
            Assert.Equal(new FactValue(problem.Path, problem.Value ?? "(missing)"), Assert.Single(reason.Facts));
        });
        Assert.Empty(decision.Obligations);
        Assert.DoesNotContain(decision.Results, r => r.Outcome != ItemOutcome.Denied);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void Evaluate_ValidRequest_MatchesTheRulesAsTheDomainBriefStatesThem(ValidRequest valid)
    {
        foreach (string versionId in new[] { "V0", "V1", "V2" })
        {
            SpecOracle.Expected expected = SpecOracle.Decide(valid.Request, versionId);

            Decision decision = Engine.Evaluate(valid.Request, versionId);

            Assert.Equal(expected.Outcome, decision.Outcome);
            Assert.Equal(expected.Items, decision.Results.Select(r => r.Outcome));
            Assert.Equal(expected.Reasons, decision.Reasons.Select(SpecOracle.ExpectedReason.Of));
        }
    }
}
