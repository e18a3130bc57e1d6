using System.Text.Json;
using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Run_TwoVersions_WritesTheWholeDomainDifferenceAsMarkdown()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith("# V1 compared with V2", run.Output, StringComparison.Ordinal);
        Assert.Contains("decide differently on 26 of 27,648 classes of items", run.Output, StringComparison.Ordinal);
        Assert.Contains("| # | Where | V1 | V2 |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoVersionsAsJson_WritesTheDifferenceForTools()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        Assert.False(document.RootElement.GetProperty("equivalent").GetBoolean());
        Assert.Equal(26, document.RootElement.GetProperty("differingClasses").GetInt64());
        Assert.Equal(6, document.RootElement.GetProperty("regions").GetArrayLength());
        Assert.DoesNotContain("NotApplicable", document.RootElement.GetProperty("regions").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameVersionTwice_SaysTheyAreEquivalent()
    {
        CliRun run = CliRun.Plain("compare", "V2", "v2", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        Assert.True(document.RootElement.GetProperty("equivalent").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("regions").GetArrayLength());
    }

    [Fact]
    public void Run_UnknownVersions_ExitsTwoNamingEach()
    {
        CliRun run = CliRun.Plain("compare", "V7", "V9");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "versionA: 'V7' is not a version of telegram-privacy-8.3; known: V0, V1, V2",
                "versionB: 'V9' is not a version of telegram-privacy-8.3; known: V0, V1, V2",
            ],
            run.ErrorLines);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Run_Request_ExplainsTheRequestUnderBothVersions()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2", "--request", CliRun.Sample("04-gb-2020-terror-court-order.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request GB-2020-0058: V1 MayDisclose -> V2 PendingLegalAnalysis", run.Output, StringComparison.Ordinal);
        Assert.Contains("- user:12774031 / IpAddress: Permitted -> PendingLegalAnalysis", run.Output, StringComparison.Ordinal);
        Assert.Contains("V2: PendingLegalAnalysis (8.3-2024/analysis-pending", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RequestAsJson_GivesEachItemsOutcomesAndReasonCodes()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2", "--request", CliRun.Sample("08-es-content-and-ip.json"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement comparison = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("ES-2025-0660", comparison.GetProperty("requestId").GetString());
        Assert.Equal("Deny", comparison.GetProperty("left").GetProperty("outcome").GetString());
        Assert.Equal("PartiallyPermitted", comparison.GetProperty("right").GetProperty("outcome").GetString());
        JsonElement ip = comparison.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("category").GetString() == "IpAddress");
        Assert.True(ip.GetProperty("changed").GetBoolean());
        Assert.Equal("Permitted", ip.GetProperty("right").GetString());
        Assert.Contains("NotTerrorSuspect", ip.GetProperty("leftReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["JudicialOrderConfirmsTosCriminalSuspect"], ip.GetProperty("rightReasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Run_RequestFileWithABadRequest_ComparesTheGoodOnesAndExitsTwo()
    {
        string path = CliRun.Corpus("mixed.json");

        CliRun run = CliRun.Plain("compare", "V1", "V2", "--request", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}: [1] = 'not a request': expected a JSON object, found a string", run.ErrorLines);
        Assert.Contains("Request MIX-GOOD-1: V1 Deny -> V2 MayDisclose", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request MIX-GOOD-3: V1 MayDisclose -> V2 PendingLegalAnalysis", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Rules_ComparesTheHostsVersions()
    {
        CliRun run = CliRun.Plain("compare", "A1", "A2", "--rules", CliRun.Corpus(Path.Combine("rules", "acme-8.3.json")));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# A1 compared with A2", run.Output, StringComparison.Ordinal);
        Assert.Contains("PublicProsecutor", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadFormat_ExitsTwo()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2", "--format", "html");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("disclosure: Argument 'html' not recognized. Must be one of: 'markdown' 'json'", run.ErrorLines[0]);
    }

    [Fact]
    public void Run_OverTheClassBudget_ExitsTwoWithOneLineNamingTheBudget()
    {
        CliRun run = CliRun.Plain("compare", "V1", "V2", "--max-classes", "100");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("compare: Comparing V1 with V2 exactly needs ", line, StringComparison.Ordinal);
        Assert.Contains("over the budget of 100;", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        run.AssertNoStackTrace();
    }
}
