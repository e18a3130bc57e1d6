using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Records.JsonLines;

public sealed partial class JsonLinesDecisionRecorderTests
{
    [Fact]
    public void Append_Events_ReopenedWithTheSameHistories()
    {
        DecisionRecord record = Record(1);
        RequestEvent disclosed = RequestEvent.Disclosed(record.RequestId, record.DecidedAt + Duration.FromDays(3), [new DisclosedItem("user:1001", DataCategory.PhoneNumber)]);
        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath))
        {
            recorder.Record(record);
            recorder.Append(RequestEvent.Acknowledged(record.RequestId, record.ReceivedAt + Duration.FromHours(2)));
            Assert.Equal(RecordOutcome.Recorded, recorder.Append(disclosed));
            Assert.Equal(RecordOutcome.AlreadyRecorded, recorder.Append(disclosed));
        }

        string[] lines = File.ReadAllLines(FilePath);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("{\"schema\":\"disclosure-record/2\",\"event\":", line, StringComparison.Ordinal));
        Assert.Equal(
            "{\"schema\":\"disclosure-record/2\",\"event\":\"Disclosed\",\"requestId\":\"REQ-001\",\"at\":\"2025-02-15T09:30:00Z\",\"items\":[{\"accountReference\":\"user:1001\",\"category\":\"PhoneNumber\"}]}",
            lines[2]);
        RecordFileContents read = JsonLinesDecisionRecorder.ReadAll(FilePath);
        Assert.Empty(read.Problems);
        RequestHistory history = Assert.Single(read.Histories);
        Assert.Equal([RequestEventKind.Decided, RequestEventKind.Acknowledged, RequestEventKind.Disclosed], history.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Open_VersionOneRecordsThenEvents_ReadsBoth()
    {
        WriteLines(Record(1));
        File.AppendAllText(FilePath, RequestEventJson.Write(RequestEvent.ClosedWithoutDisclosure("REQ-001", Record(1).DecidedAt, "withdrawn")) + "\n");

        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);

        Assert.Empty(recorder.Problems);
        Assert.Equal("withdrawn", recorder.FindHistory("REQ-001")!.Closing!.Reason);
    }

    [Fact]
    public void Open_EventThatContradictsTheHistory_ReportedAsConflictAndSkipped()
    {
        WriteLines(Record(1));
        File.AppendAllText(FilePath, RequestEventJson.Write(RequestEvent.Disclosed("REQ-001", Record(1).DecidedAt, [new DisclosedItem("user:1001", DataCategory.Contacts)])) + "\n");

        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);

        RecordFileProblem problem = Assert.Single(recorder.Problems);
        Assert.Equal((2, RecordFileProblemKind.ConflictingRecord), (problem.LineNumber, problem.Kind));
        Assert.Contains("items = 'user:1001:Contacts': the decision names no such item", problem.Message, StringComparison.Ordinal);
        Assert.False(recorder.FindHistory("REQ-001")!.IsFulfilled);
    }

    [Property(Arbitrary = [typeof(HistoryArbitraries)], MaxTest = 25)]
    public bool Append_RefusedEvent_LeavesTheFileByteForByteUnchanged(HistoryBatch batch, int pick)
    {
        File.Delete(FilePath);
        using JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(FilePath);
        foreach (RequestEvent e in batch.Events)
        {
            recorder.Append(e);
        }

        byte[] before = File.ReadAllBytes(FilePath);
        RequestHistory? target = batch.Histories.Count == 0 ? null : batch.Histories[Math.Abs(pick % batch.Histories.Count)];
        RequestEvent refused = (target, Math.Abs(pick % 3)) switch
        {
            (null, _) => RequestEvent.Acknowledged("NOT-RECORDED", Instant.FromUtc(2025, 1, 1, 0, 0)),
            (_, 0) => RequestEvent.Disclosed(target.RequestId, target.Decision.DecidedAt, [new DisclosedItem("user:nobody", DataCategory.SecretChatContent)]),
            (_, 1) => RequestEvent.Disclosed(target.RequestId, target.ReceivedAt - Duration.FromDays(1), [new DisclosedItem("user:nobody", DataCategory.IpAddress)]),
            _ => RequestEvent.Acknowledged(target.RequestId, target.ReceivedAt - Duration.FromSeconds(1)),
        };

        bool threw = false;
        try
        {
            recorder.Append(refused);
        }
        catch (RequestEventConflictException)
        {
            threw = true;
        }

        return threw && before.AsSpan().SequenceEqual(File.ReadAllBytes(FilePath));
    }
}
