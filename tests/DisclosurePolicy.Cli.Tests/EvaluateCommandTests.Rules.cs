using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

public partial class EvaluateCommandTests
{
    private static string AcmeRules => CliRun.Corpus(Path.Combine("rules", "acme-8.3.json"));

    [Fact]
    public void Run_Rules_DecidesUnderTheHostsVersionInForce()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("03-de-prosecutor-production-order.json"), "--rules", AcmeRules);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request DE-2026-0907: MAY DISCLOSE every requested item", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rule version: A2 (ACME Privacy Policy 8.3 (2026-01-01))", run.Output, StringComparison.Ordinal);
        Assert.Contains("ValidOrder [permits; user:33017845 / IpAddress]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RulesAndVersion_DecidesUnderTheHostsNamedVersion()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("03-de-prosecutor-production-order.json"), "--rules", AcmeRules, "--version", "A1");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request DE-2026-0907: DENY", run.Output, StringComparison.Ordinal);
        Assert.Contains("NotAValidCourtOrder [denies; whole request]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RulesAndBuiltInVersionId_ListsTheHostsVersions()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("03-de-prosecutor-production-order.json"), "--rules", AcmeRules, "--version", "V2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--version: 'V2' is not a version of acme-8.3; known: A1, A2", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Run_BrokenRules_ReportsEveryProblemAndDecidesNothing()
    {
        string rules = CliRun.Corpus(Path.Combine("rules", "broken-rules.json"));

        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--rules", rules);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{rules}: versions[0].effectiveFrom = '2025-02-30': not a calendar date; expected yyyy-MM-dd, such as 2025-02-10",
                $"{rules}: versions[0].cadence = 'Weekly': not a known ReportingCadence; accepted: None, SemiAnnual, Quarterly",
                $"{rules}: versions[0].clauses[0].effect = 'Allow': not a known effect; accepted: Deny, NotApplicable, Pending, Permit",
            ],
            run.ErrorLines);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Run_MissingOrMalformedRulesFile_ExitsTwoNamingIt()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-rules-" + Guid.NewGuid().ToString("N") + ".json");

        CliRun absent = CliRun.Plain("evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--rules", missing);
        CliRun truncated = CliRun.Plain("evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--rules", CliRun.Corpus("truncated.json"));

        Assert.Equal(2, absent.ExitCode);
        Assert.Equal($"{missing}: no such file", Assert.Single(absent.ErrorLines));
        Assert.Equal(2, truncated.ExitCode);
        Assert.StartsWith($"{CliRun.Corpus("truncated.json")}: malformed JSON at line 6, position 1", Assert.Single(truncated.ErrorLines), StringComparison.Ordinal);
    }
}
