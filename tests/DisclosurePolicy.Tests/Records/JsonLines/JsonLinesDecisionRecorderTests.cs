using System.Runtime.Versioning;
using System.Text;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Records.JsonLines.Internal;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Shared;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using Xunit;

namespace DisclosurePolicy.Tests.Records.JsonLines;

public sealed partial class JsonLinesDecisionRecorderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-records-").FullName;

    private string FilePath => Path.Combine(_directory, "decisions.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static DecisionRecord Record(int i) => Recorded.Of(Some.V2Permitted($"REQ-{i:D3}"));

    [Fact]
    public void Open_NoFile_CreatesAnEmptyOne()
    {
        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);

        Assert.True(File.Exists(FilePath));
        Assert.Equal(0, recorder.Count());
        Assert.Empty(recorder.Problems);
    }

    [Fact]
    public void Record_ThenReopen_SameRecordsOneLineEach()
    {
        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath))
        {
            Assert.Equal(RecordOutcome.Recorded, recorder.Record(Record(1)));
            Assert.Equal(RecordOutcome.Recorded, recorder.Record(Record(2)));
            Assert.Equal(RecordOutcome.AlreadyRecorded, recorder.Record(Record(1)));
        }

        string[] lines = File.ReadAllLines(FilePath);
        Assert.Equal(2, lines.Length);
        Assert.Equal(RequestEventJson.Write(RequestEvent.Decided(Record(1))), lines[0]);
        using JsonLinesDecisionRecorder reopened = JsonLinesDecisionRecorder.Open(FilePath);
        Assert.Empty(reopened.Problems);
        Assert.Equal([Record(1), Record(2)], reopened.Records());
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 25)]
    public bool Record_BatchTwiceThenReopen_SameRecordsInOrder(RecordBatch batch)
    {
        string path = Path.Combine(_directory, $"{Guid.NewGuid():N}.jsonl");
        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(path))
        {
            if (!batch.Records.All(r => recorder.Record(r) == RecordOutcome.Recorded) || !batch.Records.All(r => recorder.Record(r) == RecordOutcome.AlreadyRecorded))
            {
                return false;
            }
        }

        using JsonLinesDecisionRecorder reopened = JsonLinesDecisionRecorder.Open(path);
        return reopened.Problems.Count == 0 && reopened.Records().SequenceEqual(batch.Records) && File.ReadAllLines(path).Length == batch.Records.Count;
    }

    [Fact]
    public void Record_ConflictingDecision_RefusedAndFileUnchanged()
    {
        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);
        recorder.Record(Record(1));
        byte[] before = ReadShared();
        DecisionRecord other = Recorded.Of(Some.With(Some.V2Permitted("REQ-001"), valid: false));

        Assert.Throws<RecordConflictException>(() => recorder.Record(other));

        Assert.Equal(before, ReadShared());
        Assert.Equal(1, recorder.Count());
    }

    [Fact]
    public void Open_TornLastLine_ReportedEarlierRecordsKeptRepairedOnAppend()
    {
        WriteLines(Record(1), Record(2));
        string torn = DecisionRecordJson.Write(Record(3))[..150];
        File.AppendAllText(FilePath, torn);

        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath))
        {
            RecordFileProblem problem = Assert.Single(recorder.Problems);
            Assert.Equal(3, problem.LineNumber);
            Assert.Equal(RecordFileProblemKind.TornLastLine, problem.Kind);
            Assert.StartsWith("the last line has no line end and is not a readable record ($: malformed JSON at line 1, position", problem.Message);
            Assert.EndsWith("it will be moved to decisions.jsonl.torn and cut from the file on the next append", problem.Message);
            Assert.Equal([Record(1), Record(2)], recorder.Records());
            Assert.True(recorder.HasTornLastLine);

            recorder.Record(Record(3));

            Assert.False(recorder.HasTornLastLine);
        }

        Assert.Equal(torn + "\n", File.ReadAllText(FilePath + ".torn"));
        using JsonLinesDecisionRecorder reopened = JsonLinesDecisionRecorder.Open(FilePath);
        Assert.Empty(reopened.Problems);
        Assert.Equal([Record(1), Record(2), Record(3)], reopened.Records());
    }

    [Fact]
    public void Open_NewerSchemaCompleteLastLine_ReportedAsUnreadableAndLeftInPlace()
    {
        string newer = DecisionRecordJson.Write(Record(2)).Replace("\"disclosure-record/1\"", "\"disclosure-record/9\"", StringComparison.Ordinal);
        WriteLines(Record(1));
        File.AppendAllText(FilePath, newer + "\n");

        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath))
        {
            RecordFileProblem problem = Assert.Single(recorder.Problems);
            Assert.Equal((2, RecordFileProblemKind.UnreadableLine), (problem.LineNumber, problem.Kind));
            Assert.Contains("unsupported record schema", problem.Message);
            Assert.False(recorder.HasTornLastLine);
            Assert.Equal([Record(1)], recorder.Records());

            recorder.Record(Record(3));
        }

        Assert.Equal([DecisionRecordJson.Write(Record(1)), newer, RequestEventJson.Write(RequestEvent.Decided(Record(3)))], File.ReadAllLines(FilePath));
        Assert.False(File.Exists(FilePath + ".torn"));
    }

    [Fact]
    public void Open_UnreadableCompleteLastLineThenBlankLines_ReportedAsUnreadable()
    {
        WriteLines(Record(1));
        File.AppendAllText(FilePath, "{\"schema\":\"disclosure-record/1\"}\n\n  \n");

        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);

        RecordFileProblem problem = Assert.Single(recorder.Problems);
        Assert.Equal((2, RecordFileProblemKind.UnreadableLine), (problem.LineNumber, problem.Kind));
        Assert.Contains("requestId: required field is missing", problem.Message);
        Assert.False(recorder.HasTornLastLine);
    }

    [Fact]
    public void Open_CompleteRecordWithoutLineEnd_KeptAndLineEndAddedOnAppend()
    {
        File.WriteAllText(FilePath, DecisionRecordJson.Write(Record(1)));

        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath))
        {
            Assert.Equal(RecordFileProblemKind.MissingLineEnd, Assert.Single(recorder.Problems).Kind);
            Assert.Equal([Record(1)], recorder.Records());
            recorder.Record(Record(2));
        }

        Assert.Equal(2, File.ReadAllLines(FilePath).Length);
        using JsonLinesDecisionRecorder reopened = JsonLinesDecisionRecorder.Open(FilePath);
        Assert.Empty(reopened.Problems);
        Assert.Equal(2, reopened.Count());
    }

    [Fact]
    public void Open_DamagedMiddleLineDuplicatesAndConflicts_EachReportedGoodRecordsKept()
    {
        DecisionRecord conflicting = Recorded.Of(Some.With(Some.V2Permitted("REQ-001"), valid: false));
        File.WriteAllText(
            FilePath,
            DecisionRecordJson.Write(Record(1)) + "\n" +
            "not json at all\n" +
            "\n" +
            DecisionRecordJson.Write(Record(1)) + "\n" +
            DecisionRecordJson.Write(conflicting) + "\n" +
            DecisionRecordJson.Write(Record(2)) + "\n");
        long length = new FileInfo(FilePath).Length;

        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);

        Assert.Equal(
            [(2, RecordFileProblemKind.UnreadableLine), (4, RecordFileProblemKind.DuplicateRecord), (5, RecordFileProblemKind.ConflictingRecord)],
            recorder.Problems.Select(p => (p.LineNumber, p.Kind)));
        Assert.Contains("differs in outcome, results, reasons, obligations, request", recorder.Problems[2].Message);
        Assert.Equal([Record(1), Record(2)], recorder.Records());
        recorder.Record(Record(3));
        Assert.Equal(length + Encoding.UTF8.GetByteCount(RequestEventJson.Write(RequestEvent.Decided(Record(3))) + "\n"), new FileInfo(FilePath).Length);
    }

    [Fact]
    public void Open_InvalidUtf8LastLine_TornAndSaved()
    {
        WriteLines(Record(1));
        using (var stream = new FileStream(FilePath, FileMode.Append))
        {
            stream.Write([0x7B, 0x22, 0xC3]);
        }

        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath))
        {
            Assert.Contains("not valid UTF-8", Assert.Single(recorder.Problems).Message);
            recorder.Record(Record(2));
        }

        Assert.Equal([0x7B, 0x22, 0xC3, 0x0A], File.ReadAllBytes(FilePath + ".torn"));
        Assert.Equal(2, File.ReadAllLines(FilePath).Length);
    }

    [Fact]
    public void Open_SecondRecorderOnSameFile_RefusedNamingTheFile()
    {
        using JsonLinesDecisionRecorder first = JsonLinesDecisionRecorder.Open(FilePath);

        IOException refused = Assert.ThrowsAny<IOException>(() => JsonLinesDecisionRecorder.Open(FilePath));

        Assert.StartsWith($"another writer holds {FilePath}", refused.Message);
    }

    [Fact]
    public void Open_HolderLetsGoWithinTheWait_SecondWriterOpens()
    {
        // Like a process starting a program, which shares the open file (and its lock) from fork until exec. The holder
        // lets go 150 ms after the second writer starts asking, on a thread of its own; the second waits for as long as
        // it takes (a minute at most), so a loaded machine makes it wait longer, never fail.
        WriterLock first = WriterLock.Open(FilePath);
        using var asking = new ManualResetEventSlim();
        var release = new Thread(() =>
        {
            asking.Wait();
            Thread.Sleep(150);
            first.Dispose();
        });
        release.Start();

        asking.Set();
        using WriterLock second = WriterLock.Open(FilePath, TimeSpan.FromMinutes(1));

        release.Join();
        Assert.True(second.Stream.CanWrite);
    }

    [LinuxFact]
    public void Open_SecondRecorderThroughSymbolicLink_Refused()
    {
        string alias = Path.Combine(_directory, "alias.jsonl");
        File.CreateSymbolicLink(alias, "decisions.jsonl");
        using JsonLinesDecisionRecorder first = JsonLinesDecisionRecorder.Open(FilePath);

        IOException refused = Assert.ThrowsAny<IOException>(() => JsonLinesDecisionRecorder.Open(alias));

        Assert.StartsWith($"another writer holds {alias}", refused.Message);
    }

    [LinuxFact]
    public void Open_SecondRecorderThroughHardLink_Refused()
    {
        using JsonLinesDecisionRecorder first = JsonLinesDecisionRecorder.Open(FilePath);
        string other = Path.Combine(_directory, "hard.jsonl");
        FileLinks.Hard(FilePath, other);

        IOException refused = Assert.ThrowsAny<IOException>(() => JsonLinesDecisionRecorder.Open(other));

        Assert.StartsWith($"another writer holds {other}", refused.Message);
    }

    [LinuxFact]
    public void Open_SecondRecorderThroughRelativePathAndLinkedFolder_Refused()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(_directory, "sub", "up"), "..");
        using JsonLinesDecisionRecorder first = JsonLinesDecisionRecorder.Open(FilePath);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_directory, "sub", "up", "sub", "..", "decisions.jsonl"));

        Assert.ThrowsAny<IOException>(() => JsonLinesDecisionRecorder.Open(relative));
    }

    [LinuxFact]
    public void Open_SecondRecorderAfterAReaderClosedTheFile_StillRefused()
    {
        using JsonLinesDecisionRecorder first = JsonLinesDecisionRecorder.Open(FilePath);
        first.Record(Record(1));
        string alias = Path.Combine(_directory, "alias.jsonl");
        File.CreateSymbolicLink(alias, "decisions.jsonl");

        // Closing any handle to the file drops a classic POSIX record lock of the whole process; the lock must outlive it.
        Assert.Single(File.ReadAllLines(FilePath));

        Assert.ThrowsAny<IOException>(() => JsonLinesDecisionRecorder.Open(alias));
    }

    [Fact]
    public void Open_WhileOpenAndAfterDispose_NoSideFileAndTheFileIsFreeAgain()
    {
        using (JsonLinesDecisionRecorder first = JsonLinesDecisionRecorder.Open(FilePath))
        {
            first.Record(Record(1));
            Assert.Equal(["decisions.jsonl"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        }

        using JsonLinesDecisionRecorder second = JsonLinesDecisionRecorder.Open(FilePath);
        Assert.Equal([Record(1)], second.Records());
    }

    [LinuxFact]
    public void ReadAll_WhileARecorderHoldsTheFile_ReadsEveryRecordAndTheLockStays()
    {
        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);
        recorder.Record(Record(1));
        recorder.Record(Record(2));

        RecordFileContents contents = JsonLinesDecisionRecorder.ReadAll(FilePath);

        Assert.Equal([Record(1), Record(2)], contents.Records);
        Assert.Empty(contents.Problems);
        Assert.Equal(FilePath, contents.Path);
        Assert.ThrowsAny<IOException>(() => JsonLinesDecisionRecorder.Open(FilePath));
        recorder.Record(Record(3));
        Assert.Equal(3, JsonLinesDecisionRecorder.ReadAll(FilePath).Records.Count);
    }

    [Fact]
    public void ReadAll_DamagedFile_ReportsWhatOpenReportsAndChangesNothing()
    {
        File.WriteAllText(
            FilePath,
            DecisionRecordJson.Write(Record(1)) + "\n" +
            "not json at all\n" +
            DecisionRecordJson.Write(Record(1)) + "\n" +
            DecisionRecordJson.Write(Record(2))[..120]);
        byte[] before = File.ReadAllBytes(FilePath);

        RecordFileContents contents = JsonLinesDecisionRecorder.ReadAll(FilePath);

        Assert.Equal([Record(1)], contents.Records);
        Assert.Equal(
            [(2L, RecordFileProblemKind.UnreadableLine), (3L, RecordFileProblemKind.DuplicateRecord), (4L, RecordFileProblemKind.TornLastLine)],
            contents.Problems.Select(p => (p.LineNumber, p.Kind)));
        Assert.Equal(before, File.ReadAllBytes(FilePath));
        Assert.Equal([FilePath], Directory.GetFiles(_directory));
        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);
        Assert.Equal(recorder.Problems, contents.Problems);
    }

    [LinuxFact]
    [UnsupportedOSPlatform("windows")]
    public void ReadAll_ReadOnlyFileInReadOnlyFolder_Reads()
    {
        WriteLines(Record(1));
        File.SetUnixFileMode(FilePath, UnixFileMode.UserRead);
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            using (FilePermissions.Enforced())
            {
                // The permissions bind this thread, root or not; otherwise the test would show nothing.
                Assert.Throws<UnauthorizedAccessException>(() => JsonLinesDecisionRecorder.Open(FilePath));

                Assert.Equal([Record(1)], JsonLinesDecisionRecorder.ReadAll(FilePath).Records);
            }
        }
        finally
        {
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void ReadAll_NoFile_ThrowsAndCreatesNothing()
    {
        Assert.Throws<FileNotFoundException>(() => JsonLinesDecisionRecorder.ReadAll(FilePath));

        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void Record_AfterDispose_Throws()
    {
        JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);
        recorder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => recorder.Record(Record(1)));
    }

    private void WriteLines(params DecisionRecord[] records) =>
        File.WriteAllText(FilePath, string.Concat(records.Select(r => DecisionRecordJson.Write(r) + "\n")));

    private byte[] ReadShared()
    {
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
