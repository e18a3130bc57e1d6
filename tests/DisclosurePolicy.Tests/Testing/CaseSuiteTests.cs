using DisclosurePolicy.Comparison;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Testing;

public class CaseSuiteTests
{
    private const string OneCase = """
        {
          "schema": "disclosure-cases/1",
          "cases": [
            {
              "name": "German terror case",
              "version": "V2",
              "request": {
                "id": "DE-1", "receivedOn": "2025-01-10", "instrument": "CourtOrder", "authority": { "kind": "Court" },
                "jurisdiction": "DE", "proceeding": "Criminal", "orderIsValid": true, "issuerIsRelevant": true,
                "recipient": "LawEnforcementAuthority", "provenance": { "channel": "LawEnforcementPortal", "verification": "VerifiedOutOfBand" },
                "subjects": [ { "accountReference": "user:1", "status": "Suspect", "offences": [ "Terrorism" ] } ],
                "requestedData": [ "IpAddress", "Contacts" ], "legalAnalysis": { "outcome": "Passed" }
              },
              "expect": {
                "outcome": "PartiallyPermitted",
                "items": [ { "accountReference": "user:1", "category": "Contacts", "outcome": "Denied" } ],
                "reasonCodes": [ "DataCategoryNotDisclosable", "JudicialOrderConfirmsTosCriminalSuspect" ]
              }
            }
          ]
        }
        """;

    [Fact]
    public void Read_ValidFile_RunsAndPasses()
    {
        CaseSuite suite = CaseSuite.Read(OneCase).Value!;

        CaseResult result = Assert.Single(suite.Run());

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal("PASS  German terror case (V2 PartiallyPermitted)", result.ToString());
        Assert.Equal([["German terror case"]], suite.TestData);
    }

    [Fact]
    public void Read_BrokenFile_ReportsEveryProblemWithPathAndValue()
    {
        string broken = OneCase
            .Replace("\"schema\": \"disclosure-cases/1\"", "\"schema\": \"disclosure-cases/9\"", StringComparison.Ordinal)
            .Replace("\"instrument\": \"CourtOrder\"", "\"instrument\": \"CourtOrdr\"", StringComparison.Ordinal)
            .Replace("\"outcome\": \"PartiallyPermitted\",", "\"outcome\": \"PartiallyPermitted\", \"outcome\": \"Deny\", \"why\": 1,", StringComparison.Ordinal)
            .Replace("\"version\": \"V2\",", "\"versoin\": \"V2\",", StringComparison.Ordinal);

        ReadResult<CaseSuite> read = CaseSuite.Read(broken);

        Assert.False(read.IsValid);
        string[] problems = [.. read.Problems.Problems.Select(p => p.ToString())];
        Assert.Contains(problems, p => p.Contains("schema", StringComparison.Ordinal) && p.Contains("disclosure-cases/9", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cases[0].request.instrument", StringComparison.Ordinal) && p.Contains("CourtOrdr", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cases[0].expect.outcome", StringComparison.Ordinal) && p.Contains("duplicate field", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cases[0].expect.why", StringComparison.Ordinal) && p.Contains("unknown field", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cases[0].versoin", StringComparison.Ordinal) && p.Contains("unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_CaseThatFails_ThrowsWithTheMismatchAndTheRequest()
    {
        CaseSuite suite = CaseSuite.Read(OneCase.Replace("\"Contacts\", \"outcome\": \"Denied\"", "\"Contacts\", \"outcome\": \"Permitted\"", StringComparison.Ordinal)).Value!;

        var error = Assert.Throws<PolicyAssertionException>(() => suite.Verify("German terror case"));

        Assert.StartsWith("Case 'German terror case' under V2 is not decided as expected:", error.Message);
        Assert.Contains("  - item user:1 / Contacts: expected Permitted, got Denied", error.Message);
        Assert.Contains("\"id\": \"DE-1\"", error.Message);
    }

    [Fact]
    public void BuiltInCases_EveryCasePasses_AndCoverageReachesEveryClauseOfV1AndV2()
    {
        IReadOnlyList<CaseResult> results = BuiltInCases.Suite.Run();

        Assert.All(results, r => Assert.True(r.Passed, r.FailureMessage));
        RuleCoverage coverage = RuleCoverage.Of(BuiltInRules.Policy, results);
        Assert.All(coverage.Versions, v => Assert.True(v.Unreached.Count == 0, v.ToString()));
        Assert.Equal(100, coverage.Percent);
    }

    [Fact]
    public void RuleCoverage_SuiteMissingAClause_NamesIt()
    {
        CaseSuite suite = CaseSuite.Read(OneCase).Value!;

        RuleCoverage coverage = RuleCoverage.Of(BuiltInRules.Policy, suite.Run());

        VersionCoverage v2 = coverage.Versions.Single(v => v.VersionId == "V2");
        Assert.Equal(["8.3-2024/data", "8.3-2024/disclose"], v2.Fired);
        Assert.Contains("8.3-2024/criminal", v2.Unreached);
        Assert.Contains("    not reached: 8.3-2024/criminal", coverage.ToText());
        Assert.Equal(0, coverage.Versions.Single(v => v.VersionId == "V1").Decisions);
    }

    [Fact]
    public void RuleCoverage_GeneratedNearMisses_ReachEveryClauseButTheEmergencyOne()
    {
        RuleCoverage coverage = RuleCoverage.Of(BuiltInRules.V2, RequestGenerators.AllNearMisses(BuiltInRules.V2, RequestScope.Everything).Select(m => m.Request));

        Assert.Equal(["8.3-2024/emergency", "8.3-2024/disclose"], coverage.Versions[0].Unreached);
    }

    [Fact]
    public void FromDifference_V1ToV2_PassesAgainstV2AndFailsAgainstV1()
    {
        VersionDifference difference = VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2);

        CaseSuite emitted = CaseSuite.Read(CaseSuite.FromDifference(difference).ToJson()).Value!;

        Assert.Equal(difference.Regions.Count, emitted.Cases.Count);
        Assert.All(emitted.Run(), r => Assert.True(r.Passed, r.FailureMessage));
        Assert.All(emitted.Run(BuiltInRules.Policy, BuiltInRules.V1), r => Assert.False(r.Passed, r.Case.Name));
    }

    [Fact]
    public void ToJson_ReadBack_GivesTheSameCases()
    {
        string json = BuiltInCases.Suite.ToJson();

        Assert.Equal(BuiltInCases.Json.ReplaceLineEndings("\n"), json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Load_FileWithProblems_ThrowsListingThem()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "schema": "disclosure-cases/1", "cases": [] }""");

            var error = Assert.Throws<PolicyAssertionException>(() => CaseSuite.Load(path));

            Assert.Contains("cases: the suite holds no case", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
