using DisclosurePolicy.Reporting;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public class InMemoryDecisionRecorderTests
{
    [Fact]
    public void Record_New_StoresAndFinds()
    {
        var recorder = new InMemoryDecisionRecorder();
        DecisionRecord record = Recorded.Of(Some.V2Permitted());

        Assert.Equal(RecordOutcome.Recorded, recorder.Record(record));
        Assert.Same(record, recorder.Find("REQ-2025-001"));
        Assert.Null(recorder.Find("req-2025-001"));
        Assert.Equal([record], recorder.Records());
    }

    [Fact]
    public void Record_SameDecisionLater_NoOpKeepsFirst()
    {
        var recorder = new InMemoryDecisionRecorder();
        DecisionRecord first = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 9));
        DecisionRecord retry = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 10), receivedAt: first.ReceivedAt);
        recorder.Record(first);

        Assert.Equal(RecordOutcome.AlreadyRecorded, recorder.Record(retry));
        Assert.Same(first, recorder.Find(first.RequestId));
        Assert.Equal(1, recorder.Count());
    }

    [Fact]
    public void Record_DifferentDecisionSameId_RefusedWithTheDifferences()
    {
        var recorder = new InMemoryDecisionRecorder();
        DecisionRecord first = Recorded.Of(Some.V2Permitted());
        DecisionRecord other = Recorded.Of(Some.With(Some.V2Permitted(), analysis: DisclosurePolicy.Requests.LegalAnalysisOutcome.NotPerformed), receivedAt: first.ReceivedAt);
        recorder.Record(first);

        RecordConflictException ex = Assert.Throws<RecordConflictException>(() => recorder.Record(other));

        Assert.Same(first, ex.Existing);
        Assert.Same(other, ex.Attempted);
        Assert.Equal(["outcome", "results", "reasons", "obligations", "request"], ex.Differences);
        Assert.StartsWith("Request 'REQ-2025-001' already has a recorded decision (MayDisclose under V2 at 2025-02-12T09:30:00Z); the new one (PendingLegalAnalysis under V2", ex.Message);
        Assert.Contains("Records are append-only.", ex.Message);
        Assert.Same(first, recorder.Find(first.RequestId));
        Assert.Equal(1, recorder.Count());
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 200)]
    public bool Record_EveryRecordTwice_SecondPassChangesNothing(RecordBatch batch)
    {
        var recorder = new InMemoryDecisionRecorder();
        bool firstPass = batch.Records.All(r => recorder.Record(r) == RecordOutcome.Recorded);
        IReadOnlyList<DecisionRecord> after = recorder.Records();
        bool secondPass = batch.Records.All(r => recorder.Record(r) == RecordOutcome.AlreadyRecorded);
        return firstPass && secondPass && after.SequenceEqual(recorder.Records()) && recorder.Records().SequenceEqual(batch.Records);
    }

    [Fact]
    public async Task Record_ManyThreadsSameRecords_EachStoredOnce()
    {
        var recorder = new InMemoryDecisionRecorder();
        DecisionRecord[] records = [.. Enumerable.Range(0, 50).Select(i => Recorded.Of(Some.V2Permitted($"REQ-{i}")))];

        RecordOutcome[][] outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => records.Select(recorder.Record).ToArray())));

        Assert.Equal(50, recorder.Count());
        Assert.Equal(50, outcomes.SelectMany(o => o).Count(o => o == RecordOutcome.Recorded));
        Assert.Equal(150, outcomes.SelectMany(o => o).Count(o => o == RecordOutcome.AlreadyRecorded));
    }
}
