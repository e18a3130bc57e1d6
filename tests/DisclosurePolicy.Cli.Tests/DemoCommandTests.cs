using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Run_NoArguments_ExplainsEverySampleUnderTheRuleInForce()
    {
        CliRun run = CliRun.Plain();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("DisclosurePolicy demo: 8 sample requests", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request FR-2025-0142: MAY DISCLOSE every requested item", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request US-2025-0311: DENY: nothing may be disclosed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request DE-2026-0907: DENY: nothing may be disclosed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request GB-2020-0058: MAY DISCLOSE every requested item", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request US-2025-0877: DENY: nothing may be disclosed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request NL-2026-0411: NOT APPLICABLE", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request IN-2025-1204: DENY: nothing may be disclosed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request ES-2025-0660: PARTIALLY PERMITTED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ExplanationsCiteTheDecidingClauses()
    {
        CliRun run = CliRun.Plain();

        Assert.Contains("IssuerNotJudicialAuthority [denies; whole request]", run.Output, StringComparison.Ordinal);
        Assert.Contains("EmergencyNotCovered [denies; whole request]", run.Output, StringComparison.Ordinal);
        Assert.Contains("PreservationNotCovered [not applicable; whole request]", run.Output, StringComparison.Ordinal);
        Assert.Contains("DataCategoryNotDisclosable [denies; user:61550320 / CloudMessageContent]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rule version: V1 (Privacy Policy 8.3 (2018-08-14))", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR-2025-0142", "2025-02-10", "V2", "Deny", "Deny", "MayDisclose")]
    [InlineData("US-2025-0311", "2025-03-04", "V2", "Deny", "Deny", "Deny")]
    [InlineData("GB-2020-0058", "2020-06-15", "V1", "Deny", "MayDisclose", "PendingLegalAnalysis")]
    [InlineData("NL-2026-0411", "2026-09-14", "V2", "Deny", "NotApplicable", "NotApplicable")]
    [InlineData("ES-2025-0660", "2025-10-03", "V2", "Deny", "Deny", "PartiallyPermitted")]
    public void Run_NoArguments_TabulatesEachRequestUnderEveryVersion(string id, string received, string inForce, string v0, string v1, string v2)
    {
        CliRun run = CliRun.Plain();

        string row = Assert.Single(run.Output.Split('\n'), line => line.Contains($"| {id} ", StringComparison.Ordinal));
        string[] cells = [.. row.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
        Assert.Equal([id, received, inForce, v0, v1, v2], cells);
    }

    [Fact]
    public void Run_NoArguments_UnderEachVersionNamesTheReasonBelowTheOutcome()
    {
        CliRun run = CliRun.Plain();

        string[] lines = run.Output.Split('\n');
        int gb = Array.FindIndex(lines, line => line.Contains("| GB-2020-0058 ", StringComparison.Ordinal));
        string[] reasons = [.. lines[gb + 1].Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
        Assert.Equal(["NoDisclosureClauseInForce", "CourtOrderConfirmsTerrorSuspect", "PendingLegalAnalysis"], reasons);
    }

    [Fact]
    public void Run_NoArguments_ShowsWhatChangedFromV1ToV2()
    {
        CliRun run = CliRun.Plain();

        Assert.Contains("3. What changed from V1 to V2, over every possible request", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "V1 (2018-08-14 to 2024-09-22) and V2 (from 2024-09-23) decide differently on 26 of 27,648 classes of items (one account and one data category), in 6 regions:",
            run.Output,
            StringComparison.Ordinal);
        Assert.Contains("  1. V1 Denied -> V2 Permitted: instrument is CourtOrder", run.Output, StringComparison.Ordinal);
        Assert.Contains("  6. V1 Denied -> V2 PendingLegalAnalysis: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("  7. ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ReportsWhatTheSampleHistoriesDisclosedInTheDisclosurePeriods()
    {
        CliRun run = CliRun.Fixed([]);

        string report = run.Output[run.Output.IndexOf("4. The transparency report of what the sample requests' histories disclosed", StringComparison.Ordinal)..];
        string[] lines = report.Split('\n');

        // The 2020 terror order is disclosed in 2020 and reported in 2020's half-year, whenever the demo runs.
        Assert.Contains(lines, l => l.StartsWith("GB       2020-H1          1      1         1     1        0              0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FR       2025-Q1          1      1         1     1        0              0", StringComparison.Ordinal));

        // Permitted, never disclosed: not counted, shown only as its own internal figure.
        Assert.Contains(lines, l => l.StartsWith("ES       2025-Q4          0      0         1     0        1              1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("US       2025-Q1          0      0         1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("2026-H2", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OutputNotATerminal_HasNoAnsiCodesOrBoxDrawing()
    {
        CliRun run = CliRun.Plain();

        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain(run.Output, c => c is >= '\u2500' and <= '\u257f');
    }

    [Fact]
    public void Run_FixedClock_StampsEveryDecisionWithIt()
    {
        CliRun run = CliRun.Fixed([]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(8, run.Output.Split("decided 2026-11-02T10:00:00Z").Length - 1);
    }

    [Fact]
    public void Run_Rules_DecidesTheSamplesUnderTheHostsVersions()
    {
        string rules = CliRun.Corpus(Path.Combine("rules", "acme-8.3.json"));

        CliRun run = CliRun.Plain("--rules", rules);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("decided under the policy 'ACME Privacy Policy 8.3' (versions A1, A2)", run.Output, StringComparison.Ordinal);
        string row = Assert.Single(run.Output.Split('\n'), line => line.Contains("| DE-2026-0907 ", StringComparison.Ordinal));
        Assert.Equal(["DE-2026-0907", "2026-09-01", "A2", "Deny", "MayDisclose"], row.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0));
        Assert.DoesNotContain("| V2 ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SampleFolderMissing_ExitsTwoNamingTheFolder()
    {
        string missing = Path.Combine(Path.GetTempPath(), "disclosure-no-such-folder-" + Guid.NewGuid().ToString("N"));

        CliRun run = CliRun.Fixed([], missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{missing}: the folder of sample requests is missing; it ships beside the program", Assert.Single(run.ErrorLines));
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Run_BrokenSample_ExitsTwoAndDecidesNothing()
    {
        using var folder = new TempFolder();
        File.Copy(CliRun.Sample("01-fr-investigating-judge-drugs.json"), folder.File("01.json"));
        File.WriteAllText(folder.File("02.json"), "{ \"id\": ");

        CliRun run = CliRun.Fixed([], folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{folder.File("02.json")}: malformed JSON at line 1, position", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }
}
