using DisclosurePolicy.Benchmarks.Peers;
using DisclosurePolicy.Benchmarks.Workload;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Benchmarks;

/// <summary>
/// The benchmarks compare the library with hand-written C#, RulesEngine and ASP.NET Core authorization on V2; these tests
/// make sure the four decide the same, so the comparison measures the same work.
/// </summary>
public class AgreementCheckTests
{
    [Fact]
    public async Task RunAsync_PublishedBatch_AllFourImplementationsAgreeOnMixedOutcomes()
    {
        LegalRequest[] batch = RequestBatch.Generate();

        AgreementReport report = await AgreementCheck.RunAsync(batch);

        Assert.Equal(RequestBatch.Size, report.Requests);
        Assert.True(report.Agree, report.ToString());

        // Mixed outcomes: each one is well represented, so agreement is not won on one easy path.
        foreach (DecisionOutcome outcome in new[]
        {
            DecisionOutcome.MayDisclose, DecisionOutcome.PartiallyPermitted, DecisionOutcome.PendingLegalAnalysis,
            DecisionOutcome.Deny, DecisionOutcome.NotApplicable,
        })
        {
            Assert.True(report.Outcomes.GetValueOrDefault(outcome) >= 100, $"{outcome}: {report}");
        }
    }

    [Fact]
    public async Task RunAsync_AnotherSeed_AllFourImplementationsAgree()
    {
        AgreementReport report = await AgreementCheck.RunAsync(RequestBatch.Generate(2_000, seed: 7));

        Assert.True(report.Agree, report.ToString());
    }

    [Fact]
    public void Decide_PublishedBatchEachUnderItsVersion_MatchesTheExplainedOutcome()
    {
        // The decision-only path takes clauses level by level; the explained path evaluates every clause per item.
        var engine = Engines.BuiltIn();
        var differences = RequestBatch.Generate()
            .Where(r => engine.Decide(r) != engine.Evaluate(r).Outcome)
            .Select(r => $"{r.Id}: Decide {engine.Decide(r)}, Evaluate {engine.Evaluate(r).Outcome}")
            .Take(10)
            .ToList();

        Assert.Empty(differences);
    }

    [Fact]
    public void Generate_SameSeed_SameRequests()
    {
        Assert.Equal(RequestBatch.Generate(500, seed: 11), RequestBatch.Generate(500, seed: 11));
        Assert.NotEqual(RequestBatch.Generate(500, seed: 11), RequestBatch.Generate(500, seed: 12));
    }

    [Fact]
    public void Generate_PublishedBatch_MixesVersionsAndSizes()
    {
        LegalRequest[] batch = RequestBatch.Generate();
        var engine = Engines.BuiltIn();

        var versions = batch.Select(r => engine.Policy.VersionInForceOn(r.ReceivedOn)?.Id).ToHashSet();
        Assert.Equal(new HashSet<string?> { "V0", "V1", "V2" }, versions);
        Assert.Contains(batch, r => r.Subjects.Count == 1);
        Assert.Contains(batch, r => r.Subjects.Count >= 4);
        Assert.Contains(batch, r => r.RequestedData.Count == 1);
        Assert.Contains(batch, r => r.RequestedData.Count >= 5);
    }

    [Fact]
    public void Verdict_RuleWithEvaluationError_DeniesTheItem()
    {
        var failed = new RulesEngine.Models.RuleResultTree
        {
            Rule = new RulesEngine.Models.Rule { RuleName = "8.3-2024/relevant", SuccessEvent = "Deny" },
            IsSuccess = false,
            ExceptionMessage = "Unknown identifier 'IssuerIsRelevent'",
        };
        var permit = new RulesEngine.Models.RuleResultTree
        {
            Rule = new RulesEngine.Models.Rule { RuleName = "8.3-2024/disclose", SuccessEvent = "Permit" },
            IsSuccess = true,
        };

        Assert.Equal(ItemVerdict.Permitted, RulesEngineV2.Verdict([permit]));
        Assert.Equal(ItemVerdict.Denied, RulesEngineV2.Verdict([failed, permit]));
    }

    [Fact]
    public void LoadWorkflows_EmbeddedFile_HasOneRulePerV2Clause()
    {
        RulesEngine.Models.Workflow workflow = Assert.Single(RulesEngineV2.LoadWorkflows());

        Assert.Equal(DisclosurePolicy.Rules.BuiltInRules.V2.Clauses.Select(c => c.Id), workflow.Rules.Select(r => r.RuleName));
        Assert.Equal(DisclosurePolicy.Rules.BuiltInRules.V2.Clauses.Select(c => c.Id), AuthorizationV2.Clauses().Select(r => r.ClauseId));
    }
}
