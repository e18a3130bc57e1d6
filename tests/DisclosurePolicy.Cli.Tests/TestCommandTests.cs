using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Testing;

namespace DisclosurePolicy.Cli.Tests;

public class TestCommandTests
{
    [Fact]
    public void Run_BuiltInSuiteWithFullCoverage_PassesEveryCaseAndExitsZero()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("builtin.json"), BuiltInCases.Json);

        CliRun run = CliRun.Plain("test", folder.File("builtin.json"), "--coverage-threshold", "100");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains($"PASS  {folder.File("builtin.json")}: V2: permits", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{BuiltInCases.Suite.Cases.Count} passed, 0 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rule coverage: 23 of 23 clauses fired (100.0 %)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FailingCase_PrintsTheMismatchAndExitsWithTheFailedCasesCode()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("cases.json"), BuiltInCases.Json.Replace("\"outcome\": \"MayDisclose\"", "\"outcome\": \"Deny\"", StringComparison.Ordinal));

        CliRun run = CliRun.Plain("test", folder.File("cases.json"));

        Assert.Equal(ExitCodes.CasesFailed, run.ExitCode);
        Assert.Contains($"FAIL  {folder.File("cases.json")}: V2: permits", run.Output, StringComparison.Ordinal);
        Assert.Contains("      outcome: expected Deny, got MayDisclose", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 failed", run.Output, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Run_CoverageBelowThreshold_NamesTheUnreachedClausesAndExitsWithItsCode()
    {
        using var folder = new TempFolder();
        CaseSuite firstOnly = new([BuiltInCases.Suite.Cases.Single(c => c.Name == "V2: permits")]);
        File.WriteAllText(folder.File("one.json"), firstOnly.ToJson());

        CliRun run = CliRun.Plain("test", folder.File("one.json"), "--coverage-threshold", "50");

        Assert.Equal(ExitCodes.CoverageBelowThreshold, run.ExitCode);
        Assert.Contains("    not reached: 8.3-2024/criminal", run.Output, StringComparison.Ordinal);
        Assert.Contains("is below the threshold of 50.0 %", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BrokenCaseFile_NamesEachProblemAndExitsWithBadInput()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("broken.json"), """{ "schema": "disclosure-cases/1", "cases": [ { "name": "x", "request": {}, "expect": { "outcome": "Maybe" } } ] }""");

        CliRun run = CliRun.Plain("test", folder.File("broken.json"), folder.File("missing.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("cases[0].request.receivedOn", run.Error, StringComparison.Ordinal);
        Assert.Contains("cases[0].expect.outcome = 'Maybe'", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.json", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Compare_EmitCases_WritesCasesThatPassAgainstBAndFailAgainstA()
    {
        using var folder = new TempFolder();

        CliRun compare = CliRun.Plain("compare", "V1", "V2", "--emit-cases", folder.File("v1-v2.json"));

        Assert.Equal(ExitCodes.Success, compare.ExitCode);
        CliRun againstB = CliRun.Plain("test", folder.File("v1-v2.json"));
        Assert.Equal(ExitCodes.Success, againstB.ExitCode);
        Assert.Contains("6 passed, 0 failed", againstB.Output, StringComparison.Ordinal);

        File.WriteAllText(folder.File("v1-v2-as-v1.json"), File.ReadAllText(folder.File("v1-v2.json")).Replace("\"version\": \"V2\"", "\"version\": \"V1\"", StringComparison.Ordinal));
        CliRun againstA = CliRun.Plain("test", folder.File("v1-v2-as-v1.json"));
        Assert.Equal(ExitCodes.CasesFailed, againstA.ExitCode);
        Assert.Contains("0 passed, 6 failed", againstA.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_EmitCasesWithRequestFile_IsRefused()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2", "--request", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--emit-cases", "out.json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--emit-cases", run.Error, StringComparison.Ordinal);
    }
}
