using System.Text;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Records.JsonLines.Internal;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Records.JsonLines;

/// <summary>The line-by-line reading of record files, over streams that no test could afford as real files.</summary>
public sealed class RecordFileLoaderTests
{
    private static DecisionRecord Record(int i) => Recorded.Of(Some.V2Permitted($"REQ-{i:D3}"));

    private static byte[] Line(DecisionRecord record) => Encoding.UTF8.GetBytes(DecisionRecordJson.Write(record) + "\n");

    [Fact]
    public void Load_RecordsAndTornLineAfterTwoGibibytesOfBlankLines_FoundAtTheirPositionsInBoundedMemory()
    {
        byte[] first = Line(Record(1));
        byte[] second = Line(Record(2));
        byte[] torn = first[..100];
        const int LineBytes = 4096;
        long blankLines = (1L << 31) / LineBytes + 16;
        using var stream = new BlankLinesStream(blankLines, LineBytes, [.. first, .. second, .. torn]);
        var records = new InMemoryDecisionRecorder();

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        RecordFileLoader loaded = RecordFileLoader.Load(stream, records, "records.jsonl.torn");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        long tornStart = stream.BlankBytes + first.Length + second.Length;
        Assert.True(tornStart > int.MaxValue);
        Assert.Equal([Record(1), Record(2)], records.Records());
        RecordFileProblem problem = Assert.Single(loaded.Problems);
        Assert.Equal((blankLines + 3, RecordFileProblemKind.TornLastLine), (problem.LineNumber, problem.Kind));
        Assert.Equal(tornStart, loaded.TornLineStart);
        Assert.Equal(tornStart, loaded.GoodLength);
        Assert.InRange(allocated, 0, 16L << 20);
    }

    [Fact]
    public void Load_LinesLongerThanTheMaximum_ReportedUnreadableOrTornWithoutBeingRead()
    {
        byte[] record = Line(Record(1));
        byte[] longLine = [.. Enumerable.Repeat((byte)'x', 5000), (byte)'\n'];
        byte[] longTail = [.. Enumerable.Repeat((byte)0, 7000)];
        using var stream = new MemoryStream([.. longLine, .. record, .. longTail]);
        var records = new InMemoryDecisionRecorder();

        RecordFileLoader loaded = RecordFileLoader.Load(stream, records, "records.jsonl.torn", maxLineBytes: 2 * record.Length);

        Assert.Equal([Record(1)], records.Records());
        Assert.Equal(
            [(1L, RecordFileProblemKind.UnreadableLine), (3L, RecordFileProblemKind.TornLastLine)],
            loaded.Problems.Select(p => (p.LineNumber, p.Kind)));
        Assert.Contains("the line is 5000 bytes long, longer than any record", loaded.Problems[0].Message);
        Assert.Contains("the line is 7000 bytes long, longer than any record", loaded.Problems[1].Message);
        Assert.Equal(longLine.Length + record.Length, loaded.TornLineStart);
    }

    [Fact]
    public void TryRead_LineLongerThanTheMaximum_PassedOverWithItsPositionAndLength()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(new string('x', 3000) + "\nshort\n" + new string('y', 2500)));
        var reader = new LineReader(stream, maxLineBytes: 1024);

        Assert.True(reader.TryRead(out LineReader.Line first));
        Assert.Equal((1L, 0L, 3000L, true, true, 0), (first.Number, first.Start, first.Length, first.Terminated, first.IsTooLong, first.Content.Length));
        Assert.True(reader.TryRead(out LineReader.Line second));
        Assert.Equal((2L, 3001L, "short", false), (second.Number, second.Start, Encoding.ASCII.GetString(second.Content), second.IsTooLong));
        Assert.True(reader.TryRead(out LineReader.Line third));
        Assert.Equal((3L, 3007L, 2500L, false, true), (third.Number, third.Start, third.Length, third.Terminated, third.IsTooLong));
        Assert.False(reader.TryRead(out _));
        Assert.Equal(1024, reader.BufferBytes);
    }
}
