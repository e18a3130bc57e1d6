using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Cli.Tests;

public class RecordCommandTests
{
    [Fact]
    public void Run_SampleFiles_AppendsOneReadableRecordPerDecision()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");

        CliRun run = CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), CliRun.Sample("04-gb-2020-terror-court-order.json"), "--to", records]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("recorded: FR-2025-0142 MayDisclose under V2", run.Output, StringComparison.Ordinal);
        Assert.Contains("recorded: GB-2020-0058 MayDisclose under V1", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{records}: 2 decision(s) recorded, 0 already there; 2 record(s) in the file.", run.Output, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(records);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.True(RequestEventJson.Read(line).IsValid, line));
        Assert.Equal("GB-2020-0058", RequestEventJson.Read(lines[1]).Value!.Decision!.RequestId);
    }

    [Fact]
    public void Run_SameDecisionAgain_IsAlreadyThereAndNotAppendedTwice()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        string[] args = ["record", CliRun.Sample("02-us-grand-jury-subpoena.json"), "--to", records];

        CliRun.Fixed(args);
        CliRun again = CliRun.Fixed(args);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already recorded: US-2025-0311 Deny under V2", again.Output, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(records));
    }

    [Fact]
    public void Run_DifferentDecisionForARecordedRequest_ReportsTheConflictAndKeepsTheEarlierRecord()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        string gb = CliRun.Sample("04-gb-2020-terror-court-order.json");
        CliRun.Fixed(["record", gb, "--to", records]);
        string before = File.ReadAllText(records);

        CliRun run = CliRun.Fixed(["record", gb, "--to", records, "--version", "V2"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{gb}: request 'GB-2020-0058' is already recorded with a different decision (differs in version, outcome, results, reasons, obligations); the earlier record stands",
            Assert.Single(run.ErrorLines));
        Assert.Equal(before, File.ReadAllText(records));
    }

    [Fact]
    public void Run_FileWithBadRequests_RecordsTheGoodOnesAndReportsTheBadOnes()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        string mixed = CliRun.Corpus("mixed.json");

        CliRun run = CliRun.Fixed(["record", mixed, "--to", records]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{mixed}: [1] = 'not a request': expected a JSON object, found a string", run.ErrorLines);
        Assert.Equal(2, File.ReadAllLines(records).Length);
    }

    [Fact]
    public void Run_DamagedRecordFile_ReportsEachBadLineAndStillAppends()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]);
        string good = File.ReadAllText(records);
        File.WriteAllText(records, "{ not a record }\n" + good);

        CliRun run = CliRun.Fixed(["record", CliRun.Sample("07-in-civil-copyright.json"), "--to", records]);

        Assert.Equal(2, run.ExitCode);
        string problem = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{records}: line 1: UnreadableLine: not a readable record", problem, StringComparison.Ordinal);
        Assert.Contains("recorded: IN-2025-1204 Deny under V2", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(records).Length);
    }

    [Fact]
    public void Run_RecordOfANewerSchemaLast_ReportsItAndLeavesItInPlace()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]);
        string newer = File.ReadAllText(records).Replace("\"disclosure-record/2\"", "\"disclosure-record/9\"", StringComparison.Ordinal).Replace("FR-2025-0142", "FR-NEXT", StringComparison.Ordinal);
        File.AppendAllText(records, newer);

        CliRun run = CliRun.Fixed(["record", CliRun.Sample("07-in-civil-copyright.json"), "--to", records]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{records}: line 2: UnreadableLine: not a readable record", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(records);
        Assert.Equal(3, lines.Length);
        Assert.Equal(newer.TrimEnd('\n'), lines[1]);
        Assert.False(File.Exists(records + ".torn"));
    }

    [Fact]
    public void Run_RecordFolderMissing_ExitsTwoNamingIt()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"));
        string records = Path.Combine(folder, "records.jsonl");

        CliRun run = CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{records}: the folder {folder} does not exist", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(folder));
    }

    [LinuxFact]
    public void Run_RecordFileHeldUnderAnotherName_ExitsTwoWithOneReadableLine()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        string alias = folder.File("alias.jsonl");
        File.CreateSymbolicLink(alias, "records.jsonl");
        using JsonLinesDecisionRecorder holder = JsonLinesDecisionRecorder.Open(records);

        CliRun run = CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", alias]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{alias}: cannot be opened: another writer holds {alias}", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.Equal(0, new FileInfo(records).Length);
    }

    [LinuxFact]
    public void Main_RecordFileHeldByAnotherProcessUnderAnotherName_ExitsTwoWithOneReadableLine()
    {
        using var folder = new TempFolder();
        string records = folder.File("records.jsonl");
        string alias = folder.File("alias.jsonl");
        File.CreateSymbolicLink(alias, "records.jsonl");
        using JsonLinesDecisionRecorder holder = JsonLinesDecisionRecorder.Open(records);

        // A reader closing the file in the holding process must not release the holder's lock.
        Assert.Equal(string.Empty, File.ReadAllText(records));
        CliRun run = CliProcess.Run("record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", alias);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{alias}: cannot be opened: another writer holds {alias}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(records).Length);
    }

    [Fact]
    public void Run_WithoutTo_IsAUsageError()
    {
        CliRun run = CliRun.Plain("record", CliRun.Sample("01-fr-investigating-judge-drugs.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("disclosure: Option '--to' is required.", run.ErrorLines[0]);
    }
}
