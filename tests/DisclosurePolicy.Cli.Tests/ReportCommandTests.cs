using System.Runtime.Versioning;
using System.Text.Json;
using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ReportCommandTests()
    {
        // Every sample decided on 2026-11-02 and every permitted item disclosed the next day: FR and ES are fulfilled under
        // V2 (quarterly), GB under V1 (semiannual).
        Records = _folder.File("records.jsonl");
        CliRun run = CliRun.Fixed(["record", .. Directory.GetFiles(CliRun.Samples, "*.json").Order(StringComparer.Ordinal), "--to", Records]);
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (string id in new[] { "FR-2025-0142", "GB-2020-0058", "ES-2025-0660" })
        {
            CliRun disclosed = CliRun.Plain("disclose", id, "--at", "2026-11-03T10:00:00Z", "--to", Records);
            Assert.True(disclosed.ExitCode == 0, disclosed.Error);
        }
    }

    private string Records { get; }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_Text_CountsOnlyFulfilledRequestsInTheVersionsPeriods()
    {
        CliRun run = CliRun.Plain("report", Records);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        string[] lines = run.Output.Split('\n');
        Assert.Equal(["FR", "2026-Q4", "1", "1", "1"], Row(lines, "FR").Take(5));
        Assert.Equal(["GB", "2026-H2", "1", "1", "1"], Row(lines, "GB").Take(5));
        Assert.Equal(["US", "2026-Q4", "0", "0", "2"], Row(lines, "US").Take(5));
    }

    [Fact]
    public void Run_QuarterCsv_WritesThePublishedColumnsPerCalendarQuarter()
    {
        CliRun run = CliRun.Plain("report", Records, "--period", "quarter", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("country,period,start,end,fulfilled_requests,affected_users", lines[0]);
        Assert.Contains("GB,2026-Q4,2026-10-01,2026-12-31,1,1", lines);
        Assert.Contains("ES,2026-Q4,2026-10-01,2026-12-31,1,1", lines);
        Assert.Contains("DE,2026-Q4,2026-10-01,2026-12-31,0,0", lines);
    }

    [Fact]
    public void Run_HalfYearJson_GroupsEveryRecordByHalfYear()
    {
        CliRun run = CliRun.Plain("report", Records, "--period", "half-year", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        Assert.Equal("transparency-report/1", document.RootElement.GetProperty("schema").GetString());
        JsonElement[] rows = [.. document.RootElement.GetProperty("rows").EnumerateArray()];
        Assert.All(rows, row => Assert.Equal("2026-H2", row.GetProperty("period").GetProperty("label").GetString()));
        Assert.Equal(3, rows.Sum(row => row.GetProperty("published").GetProperty("fulfilledRequests").GetInt32()));
    }

    [Fact]
    public void Run_MissingRecordFile_ExitsTwoAndCreatesNothing()
    {
        string missing = _folder.File("missing.jsonl");

        CliRun run = CliRun.Plain("report", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{missing}: no such file", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Run_TornLastLine_ReportsItAndReportsTheEarlierRecords()
    {
        File.AppendAllText(Records, "{\"schema\":\"disclosure-record/1\",\"requestId\":\"TORN");

        CliRun run = CliRun.Plain("report", Records, "--format", "csv");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{Records}: line 12: TornLastLine: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("FR,2026-Q4,2026-10-01,2026-12-31,1,1", run.Output, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Run_WhileARecorderHoldsTheFile_Reports()
    {
        using JsonLinesDecisionRecorder holder = JsonLinesDecisionRecorder.Open(Records);

        CliRun run = CliRun.Plain("report", Records, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("FR,2026-Q4,2026-10-01,2026-12-31,1,1", run.Output, StringComparison.Ordinal);
    }

    [LinuxFact]
    [UnsupportedOSPlatform("windows")]
    public void Run_ReadOnlyFileInReadOnlyFolder_ReportsAndWritesNothing()
    {
        string folder = Path.Combine(_folder.Path, "read-only");
        string records = Path.Combine(folder, "records.jsonl");
        Directory.CreateDirectory(folder);
        File.Copy(Records, records);
        byte[] before = File.ReadAllBytes(records);
        File.SetUnixFileMode(records, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            CliRun run;
            using (FilePermissions.Enforced())
            {
                // The permissions bind this thread, root or not; otherwise the test would show nothing.
                Assert.Throws<UnauthorizedAccessException>(() => new FileStream(records, FileMode.Open, FileAccess.ReadWrite).Dispose());
                run = CliRun.Plain("report", records, "--format", "csv");
            }

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Error);
            Assert.Contains("FR,2026-Q4,2026-10-01,2026-12-31,1,1", run.Output, StringComparison.Ordinal);
            Assert.Equal([records], Directory.GetFiles(folder));
            Assert.Equal(before, File.ReadAllBytes(records));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Run_TornLastLine_LeavesTheFileAsItIs()
    {
        File.AppendAllText(Records, "{\"schema\":\"disclosure-record/1\",\"requestId\":\"TORN");
        byte[] before = File.ReadAllBytes(Records);

        CliRun run = CliRun.Plain("report", Records);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(Records));
        Assert.Equal([Records], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Run_BadPeriod_IsAUsageError()
    {
        CliRun run = CliRun.Plain("report", Records, "--period", "month");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("disclosure: Argument 'month' not recognized. Must be one of: 'quarter' 'half-year'", run.ErrorLines[0]);
    }

    private static readonly string AcmeRules = CliRun.Corpus(Path.Combine("rules", "acme-8.3.json"));

    private static readonly string Known = string.Join(", ", Rules.BuiltInRules.Policy.Versions.Select(v => $"{v.Id} ({v.ContentHash})"));

    // #17, item 10: a record whose version id or content hash matches no known version was counted.
    [Fact]
    public void Run_RecordWithAnotherContentHash_IsReportedNamingTheKnownVersionsAndNotCounted()
    {
        string forged = "sha256:" + new string('0', 64);
        string[] lines = File.ReadAllLines(Records);
        int fr = Array.FindIndex(lines, l => l.Contains("\"requestId\":\"FR-2025-0142\"", StringComparison.Ordinal) && l.Contains("\"contentHash\"", StringComparison.Ordinal));
        lines[fr] = System.Text.RegularExpressions.Regex.Replace(lines[fr], "\"contentHash\":\"sha256:[0-9a-f]{64}\"", $"\"contentHash\":\"{forged}\"");
        File.WriteAllLines(Records, lines);

        CliRun run = CliRun.Plain("report", Records, "--format", "csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{Records}: request 'FR-2025-0142' was decided under version 'V2' ({forged}): telegram-privacy-8.3's V2 has another content hash; known: {Known}. It is left out of the report.",
            Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("FR,", run.Output, StringComparison.Ordinal);
        Assert.Contains("GB,2026-H2,2026-07-01,2026-12-31,1,1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DatabaseOfRecordsDecidedUnderHostRules_IsKnownOnlyWithThoseRules()
    {
        string records = _folder.File("acme.db");
        Assert.Equal(0, CliRun.Fixed(["record", CliRun.Sample("03-de-prosecutor-production-order.json"), "--rules", AcmeRules, "--to", records]).ExitCode);
        Assert.Equal(0, CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]).ExitCode);

        CliRun builtIn = CliRun.Plain("report", records, "--format", "csv");
        CliRun acme = CliRun.Plain("report", records, "--format", "csv", "--rules", AcmeRules);

        Assert.Equal(2, builtIn.ExitCode);
        Assert.StartsWith($"{records}: request 'DE-2026-0907' was decided under version 'A2' (sha256:", Assert.Single(builtIn.ErrorLines), StringComparison.Ordinal);
        Assert.EndsWith($"telegram-privacy-8.3 has no version of that id; known: {Known}. It is left out of the report.", builtIn.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("DE,", builtIn.Output, StringComparison.Ordinal);
        Assert.Contains("FR,", builtIn.Output, StringComparison.Ordinal);
        Assert.Equal(2, acme.ExitCode);
        Assert.Contains("request 'FR-2025-0142' was decided under version 'V2'", Assert.Single(acme.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("DE,", acme.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StandardInputAsRecordFile_ExitsTwo()
    {
        CliRun run = CliRun.Plain("report", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("-: a record file must be a file, not standard input or output", Assert.Single(run.ErrorLines));
    }

    private static string[] Row(string[] lines, string country) =>
        lines.First(l => l.StartsWith(country + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
