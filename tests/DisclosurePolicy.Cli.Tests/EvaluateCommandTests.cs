using System.Text.Json;
using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Cli.Tests;

public partial class EvaluateCommandTests
{
    [Theory]
    [InlineData("01-fr-investigating-judge-drugs.json", "Request FR-2025-0142: MAY DISCLOSE every requested item")]
    [InlineData("02-us-grand-jury-subpoena.json", "Request US-2025-0311: DENY: nothing may be disclosed")]
    [InlineData("03-de-prosecutor-production-order.json", "Request DE-2026-0907: DENY: nothing may be disclosed")]
    [InlineData("04-gb-2020-terror-court-order.json", "Request GB-2020-0058: MAY DISCLOSE every requested item")]
    [InlineData("05-us-forged-emergency-email.json", "Request US-2025-0877: DENY: nothing may be disclosed")]
    [InlineData("06-nl-preservation-order.json", "Request NL-2026-0411: NOT APPLICABLE: the rule does not cover this request")]
    [InlineData("07-in-civil-copyright.json", "Request IN-2025-1204: DENY: nothing may be disclosed")]
    [InlineData("08-es-content-and-ip.json", "Request ES-2025-0660: PARTIALLY PERMITTED: some items may be disclosed")]
    public void Run_SampleFile_ExplainsItsDecisionAndExitsZeroEvenWhenItDenies(string file, string headline)
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample(file));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith(headline + Environment.NewLine, run.Output, StringComparison.Ordinal);
        Assert.Contains("Reasons:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Version_DecidesUnderTheNamedVersion()
    {
        string file = CliRun.Sample("04-gb-2020-terror-court-order.json");

        CliRun inForce = CliRun.Plain("evaluate", file);
        CliRun v2 = CliRun.Plain("evaluate", file, "--version", "v2");

        Assert.Contains("Rule version: V1 ", inForce.Output, StringComparison.Ordinal);
        Assert.Equal(0, v2.ExitCode);
        Assert.StartsWith("Request GB-2020-0058: PENDING LEGAL ANALYSIS", v2.Output, StringComparison.Ordinal);
        Assert.Contains("Rule version: V2 ", v2.Output, StringComparison.Ordinal);
        Assert.Contains("PendingLegalAnalysis [pending; whole request]", v2.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2018-08-13", "V0", "Request FR-2025-0142: DENY")]
    [InlineData("2018-08-14", "V1", "Request FR-2025-0142: DENY")]
    [InlineData("2024-09-23", "V2", "Request FR-2025-0142: MAY DISCLOSE")]
    public void Run_AsOf_DecidesUnderTheVersionInForceThatDay(string asOf, string version, string headline)
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--as-of", asOf);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(headline, run.Output, StringComparison.Ordinal);
        Assert.Contains($"Rule version: {version} ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_WritesTheDecisionRecordOfEachRequest()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Corpus("mixed.json"), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement[] records = [.. document.RootElement.EnumerateArray()];
        Assert.Equal(2, records.Length);
        DecisionRecord first = DecisionRecordJson.Read(records[0].GetRawText()).Value!;
        Assert.Equal("MIX-GOOD-1", first.RequestId);
        Assert.Equal(DecisionOutcome.MayDisclose, first.Outcome);
        Assert.Equal("V2", first.VersionId);
        Assert.StartsWith("sha256:", first.VersionContentHash, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Deny, DecisionRecordJson.Read(records[1].GetRawText()).Value!.Outcome);
    }

    [Fact]
    public void Run_JsonWithVersion_RecordsTheNamedVersion()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("04-gb-2020-terror-court-order.json"), "--format", "json", "--version", "V2");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        DecisionRecord record = DecisionRecordJson.Read(Assert.Single(document.RootElement.EnumerateArray()).GetRawText()).Value!;
        Assert.Equal("V2", record.VersionId);
        Assert.Equal(DecisionOutcome.PendingLegalAnalysis, record.Outcome);
    }

    // A request received after the day of the decision is inconsistent input: the same one line naming receivedOn and
    // exit code 2 whichever output is asked for, and no decision written.
    [Theory]
    [InlineData("text", "")]
    [InlineData("json", "[]")]
    public void Run_RequestReceivedTheDayAfterTheDecision_ExitsTwoWithOneLineNamingReceivedOn(string format, string output)
    {
        using var folder = new TempFolder();
        string path = folder.File("future.json");
        File.WriteAllText(path, File.ReadAllText(CliRun.Sample("02-us-grand-jury-subpoena.json")).Replace("2025-03-04", "2026-11-03", StringComparison.Ordinal));

        CliRun run = CliRun.Fixed(["evaluate", path, "--format", format]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{path}: receivedOn = '2026-11-03': the request cannot have been received after the day of the decision (2026-11-02)",
            Assert.Single(run.ErrorLines));
        Assert.Equal(output, run.Output.Trim());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Run_RequestReceivedOnTheDayOfTheDecision_IsDecided(string format)
    {
        using var folder = new TempFolder();
        string path = folder.File("today.json");
        File.WriteAllText(path, File.ReadAllText(CliRun.Sample("02-us-grand-jury-subpoena.json")).Replace("2025-03-04", "2026-11-02", StringComparison.Ordinal));

        CliRun run = CliRun.Fixed(["evaluate", path, "--format", format]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("US-2025-0311", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Dash_ReadsStandardInput()
    {
        string json = File.ReadAllText(CliRun.Sample("02-us-grand-jury-subpoena.json"));

        CliRun run = CliRun.WithInput(json, "evaluate", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request US-2025-0311: DENY", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadStandardInput_NamesStdinInEachProblem()
    {
        CliRun run = CliRun.WithInput("[1, {\"id\": \"A\"", "evaluate", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("<stdin>: malformed JSON at line 1, position ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeveralFiles_DecidesEachInOrder()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("07-in-civil-copyright.json"), CliRun.Sample("01-fr-investigating-judge-drugs.json"));

        Assert.Equal(0, run.ExitCode);
        int india = run.Output.IndexOf("Request IN-2025-1204: DENY", StringComparison.Ordinal);
        int france = run.Output.IndexOf("Request FR-2025-0142: MAY DISCLOSE", StringComparison.Ordinal);
        Assert.True(india >= 0 && france > india, run.Output);
    }

    [Fact]
    public void Run_UnknownVersion_ExitsTwoListingTheKnownOnes()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--version", "V9");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--version: 'V9' is not a version of telegram-privacy-8.3; known: V0, V1, V2", Assert.Single(run.ErrorLines));
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Run_ImpossibleAsOfDateAndBothOptions_ReportsEachProblem()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--version", "V1", "--as-of", "2024-02-30");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "--version, --as-of: give one or the other: a version by id, or the date whose version applies",
                "--as-of: '2024-02-30' is not a calendar date; expected yyyy-MM-dd, such as 2020-06-15",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Run_MissingFileBesideGoodOne_DecidesTheGoodOneAndExitsTwo()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-request-" + Guid.NewGuid().ToString("N") + ".json");

        CliRun run = CliRun.Plain("evaluate", missing, CliRun.Sample("01-fr-investigating-judge-drugs.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{missing}: no such file", Assert.Single(run.ErrorLines));
        Assert.StartsWith("Request FR-2025-0142: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Folder_ExitsTwoSayingItIsAFolder()
    {
        CliRun run = CliRun.Plain("evaluate", CliRun.Samples);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{CliRun.Samples}: is a folder; expected a JSON file", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData(new[] { "evaluate" }, "disclosure: Required argument 'file' missing for command: 'evaluate'.")]
    [InlineData(new[] { "evaluate", "x.json", "--format", "xml" }, "disclosure: Argument 'xml' not recognized. Must be one of: 'text' 'json'")]
    [InlineData(new[] { "evaluate", "x.json", "--versoin", "V1" }, "disclosure: Unrecognized option '--versoin'.")]
    [InlineData(new[] { "frobnicate" }, "disclosure: Unrecognized command or argument 'frobnicate'.")]
    public void Run_UsageError_ExitsTwoWithOneLinePerErrorAndAHint(string[] args, string firstLine)
    {
        CliRun run = CliRun.Plain(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(firstLine, run.ErrorLines[0]);
        Assert.Equal("Run 'disclosure --help' for usage.", run.ErrorLines[^1]);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Run_Help_ListsTheOptionsAndExitsZero()
    {
        CliRun run = CliRun.Plain("evaluate", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--version <ID>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--as-of <DATE>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--format", run.Output, StringComparison.Ordinal);
    }
}
