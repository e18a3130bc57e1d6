using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Service.Records;
using DisclosurePolicy.Service.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace DisclosurePolicy.Service.Tests.Records;

public sealed class RecordWriterTests
{
    private readonly ObservedRecorder _store = new() { ImportDelay = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task WriteAsync_ManyConcurrentDecisions_AreStoredInFewerImportsThanWrites()
    {
        RecordWriter writer = await Started();

        WriteResult[] results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted($"BATCH-{i}")))));

        Assert.All(results, r => Assert.Equal(RecordOutcome.Recorded, r.Outcome));
        Assert.Equal(40, await _store.CountAsync());
        Assert.InRange(_store.Imports, 1, 39);
        Assert.Equal(0, _store.Appends);
    }

    [Fact]
    public async Task WriteAsync_SameDecisionTwiceInOneBatch_RecordsItOnce()
    {
        RecordWriter writer = await Started();
        Task<WriteResult> blocker = writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("BLOCKER")));

        WriteResult[] results = await Task.WhenAll(
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("TWICE"))),
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("TWICE"))));
        await blocker;

        Assert.Equal([RecordOutcome.Recorded, RecordOutcome.AlreadyRecorded], results.Select(r => r.Outcome));
        Assert.Single((await _store.FindHistoryAsync("TWICE"))!.Events);
    }

    [Fact]
    public async Task WriteAsync_ConflictInABatch_FailsOnlyThatCallerAndWritesNothingOfIt()
    {
        RecordWriter writer = await Started();
        await writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("FIRST")));

        Task<WriteResult> conflicting = writer.WriteAsync(RequestEvent.Decided(TestRecords.Failed("FIRST")));
        Task<WriteResult> other = writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("OTHER")));
        Task<WriteResult> refusedEvent = writer.WriteAsync(RequestEvent.Disclosed("OTHER", Instant.FromUtc(2025, 3, 2, 0, 0), [new DisclosedItem(SampleRequests.Account, DataCategory.Contacts)]));

        RecordConflictException conflict = await Assert.ThrowsAsync<RecordConflictException>(() => conflicting);
        Assert.Contains("outcome", conflict.Differences);
        await Assert.ThrowsAsync<RequestEventConflictException>(() => refusedEvent);
        Assert.Equal(RecordOutcome.Recorded, (await other).Outcome);
        Assert.Equal("MayDisclose", (await _store.FindAsync("FIRST"))!.Outcome.ToString());
        Assert.Single((await _store.FindHistoryAsync("OTHER"))!.Events);
    }

    [Fact]
    public async Task WriteAsync_DecisionAndItsEventInOneBatch_AreStoredTogether()
    {
        RecordWriter writer = await Started();
        Task<WriteResult> blocker = writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("BLOCKER-2")));

        Task<WriteResult> decided = writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("LIFE")));
        Task<WriteResult> acknowledged = writer.WriteAsync(RequestEvent.Acknowledged("LIFE", Instant.FromUtc(2025, 2, 10, 12, 0)));
        await Task.WhenAll(blocker, decided, acknowledged);

        Assert.Equal(RecordOutcome.Recorded, (await acknowledged).Outcome);
        Assert.Equal(2, (await _store.FindHistoryAsync("LIFE"))!.Events.Count);
    }

    [Fact]
    public async Task WriteAsync_ImportFails_WritesOneByOneAndAnswersEachCaller()
    {
        _store.FailImports = true;
        RecordWriter writer = await Started();

        WriteResult[] results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted($"FALLBACK-{i}")))));

        Assert.All(results, r => Assert.Equal(RecordOutcome.Recorded, r.Outcome));
        Assert.Equal(5, _store.Appends);
        Assert.Equal(5, await _store.CountAsync());
    }

    [Fact]
    public async Task StopAsync_WithWritesQueued_WritesThemAllBeforeReturning()
    {
        RecordWriter writer = await Started();
        Task<WriteResult>[] queued = [.. Enumerable.Range(0, 20).Select(i => writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted($"STOP-{i}"))))];

        await writer.StopAsync(CancellationToken.None);

        Assert.All(queued, q => Assert.True(q.IsCompletedSuccessfully));
        Assert.Equal(20, await _store.CountAsync());
        Assert.Throws<InvalidOperationException>(() => { _ = writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("LATE"))); });
    }

    [Fact]
    public async Task WriteAsync_FourLanes_EachRequestRecordedOnceWithItsEventsInOrder()
    {
        RecordWriter writer = await Started(lanes: 4);

        Task<WriteResult>[] decided = [.. Enumerable.Range(0, 30).SelectMany(i => new[]
        {
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted($"LANE-{i}"))),
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted($"LANE-{i}"))),
        })];
        Task<WriteResult>[] acknowledged = [.. Enumerable.Range(0, 30).Select(i => writer.WriteAsync(RequestEvent.Acknowledged($"LANE-{i}", Instant.FromUtc(2025, 2, 10, 12, 0))))];
        await Task.WhenAll(decided.Concat(acknowledged));

        Assert.Equal(30, decided.Count(d => d.Result.Outcome == RecordOutcome.Recorded));
        Assert.All(acknowledged, a => Assert.Equal(RecordOutcome.Recorded, a.Result.Outcome));
        Assert.Equal(30, await _store.CountAsync());
    }

    [Fact]
    public async Task WriteAsync_Direct_AppendsEachEventOnItsOwnWithTheStoresAnswer()
    {
        RecordWriter writer = await Started(direct: true);

        WriteResult[] results = await Task.WhenAll(
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("DIRECT-1"))),
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("DIRECT-1"))),
            writer.WriteAsync(RequestEvent.Decided(TestRecords.Permitted("DIRECT-2"))));

        Assert.Equal(3, _store.Appends);
        Assert.Equal(0, _store.Imports);
        Assert.Equal(2, results.Count(r => r.Outcome == RecordOutcome.Recorded));
        Assert.Equal(2, await _store.CountAsync());
    }

    private async Task<RecordWriter> Started(int lanes = 1, bool direct = false)
    {
        var writer = new RecordWriter(_store, NullLogger<RecordWriter>.Instance, lanes, direct);
        await writer.StartAsync(CancellationToken.None);
        return writer;
    }
}
