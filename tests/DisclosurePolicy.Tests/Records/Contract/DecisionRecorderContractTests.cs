using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Records.Contract;

/// <summary>
/// The behaviour every <see cref="IDecisionRecorder"/> promises, proved once for every store: each store's test class
/// derives from this one and supplies an empty store.
/// </summary>
public abstract class DecisionRecorderContractTests
{
    /// <summary>Returns a new, empty store; the deriving class disposes what it opened.</summary>
    protected abstract Task<IDecisionRecorder> CreateAsync();

    /// <summary>Returns a second writer on the same store as <paramref name="first"/>: another connection for a database,
    /// the same instance for a store that allows one writer only.</summary>
    protected virtual Task<IDecisionRecorder> OpenSecondWriterAsync(IDecisionRecorder first) => Task.FromResult(first);

    private static DecisionRecord Record(string id) => Recorded.Of(Some.V2Permitted(id));

    [StoreFact]
    public async Task RecordAsync_New_StoredAndFoundByExactId()
    {
        IDecisionRecorder store = await CreateAsync();
        DecisionRecord record = Record("REQ-2025-001");

        Assert.Equal(RecordOutcome.Recorded, await store.RecordAsync(record));

        Assert.Equal(record, await store.FindAsync("REQ-2025-001"));
        Assert.Null(await store.FindAsync("req-2025-001"));
        Assert.Null(await store.FindHistoryAsync("REQ-2025-002"));
        Assert.Equal(1, await store.CountAsync());
    }

    [StoreFact]
    public async Task RecordAsync_SameDecisionLater_AlreadyRecordedAndFirstKept()
    {
        IDecisionRecorder store = await CreateAsync();
        DecisionRecord first = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 9));
        DecisionRecord retry = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 10), receivedAt: first.ReceivedAt);
        await store.RecordAsync(first);

        Assert.Equal(RecordOutcome.AlreadyRecorded, await store.RecordAsync(retry));

        Assert.Equal(first, await store.FindAsync(first.RequestId));
        Assert.Equal(1, await store.CountAsync());
    }

    [StoreFact]
    public async Task RecordAsync_DifferentDecisionSameId_ConflictNamesDifferencesAndFirstStands()
    {
        IDecisionRecorder store = await CreateAsync();
        DecisionRecord first = Recorded.Of(Some.V2Permitted());
        DecisionRecord other = Recorded.Of(Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed), receivedAt: first.ReceivedAt);
        await store.RecordAsync(first);

        RecordConflictException ex = await Assert.ThrowsAsync<RecordConflictException>(async () => await store.RecordAsync(other));

        Assert.Equal(first, ex.Existing);
        Assert.Equal(["outcome", "results", "reasons", "obligations", "request"], ex.Differences);
        Assert.Equal(first, await store.FindAsync(first.RequestId));
        Assert.Equal(1, await store.CountAsync());
    }

    [StoreFact]
    public async Task AppendAsync_EventWithoutDecision_RefusedAndNothingStored()
    {
        IDecisionRecorder store = await CreateAsync();

        RequestEventConflictException ex = await Assert.ThrowsAsync<RequestEventConflictException>(
            async () => await store.AppendAsync(RequestEvent.Acknowledged("REQ-404", Recorded.Utc(2025, 2, 12))));

        Assert.Contains("no decision is recorded", ex.Message);
        Assert.Equal(0, await store.CountAsync());
    }

    [StoreFact]
    public async Task AppendAsync_HistoryEvents_StoredInOrderAndRepeatsChangeNothing()
    {
        IDecisionRecorder store = await CreateAsync();
        HistoryBatch batch = HistoryBatch.Make(12, seed: 7);
        foreach (RequestEvent e in batch.Events)
        {
            Assert.Equal(RecordOutcome.Recorded, await store.AppendAsync(e));
        }

        foreach (RequestEvent e in batch.Events)
        {
            Assert.Equal(RecordOutcome.AlreadyRecorded, await store.AppendAsync(e));
        }

        AssertSameHistories(batch.Histories, await store.ReadHistoriesAsync(RecordQuery.All).ToListAsync());
        foreach (RequestHistory history in batch.Histories)
        {
            AssertSameHistories([history], [(await store.FindHistoryAsync(history.RequestId))!]);
        }
    }

    [StoreFact]
    public async Task AppendAsync_ContradictingEvent_RefusedAndHistoryUnchanged()
    {
        IDecisionRecorder store = await CreateAsync();
        DecisionRecord record = Recorded.Of(Some.V2Permitted());
        await store.RecordAsync(record);
        await store.AppendAsync(RequestEvent.ClosedWithoutDisclosure(record.RequestId, record.DecidedAt, "withdrawn"));

        RequestEventConflictException ex = await Assert.ThrowsAsync<RequestEventConflictException>(async () =>
            await store.AppendAsync(RequestEvent.Disclosed(record.RequestId, record.DecidedAt + Duration.FromDays(1), Histories.PermittedItems(record))));

        Assert.Contains("closed without disclosure", ex.Message);
        Assert.Equal(2, (await store.FindHistoryAsync(record.RequestId))!.Events.Count);
    }

    [StoreFact]
    public async Task ReadHistoriesAsync_ByCountryDatesAndVersion_SelectsWhatTheQueryMatches()
    {
        IDecisionRecorder store = await CreateAsync();
        HistoryBatch batch = HistoryBatch.Make(25, seed: 11);
        await store.ImportAsync(batch.Histories.ToAsyncEnumerable());
        RequestHistory sample = batch.Histories[3];
        RecordQuery[] queries =
        [
            RecordQuery.All,
            RecordQuery.All.WithCountry(sample.Decision.Jurisdiction),
            RecordQuery.All.WithReceivedOn(new DateInterval(sample.Decision.Request.ReceivedOn.PlusDays(-400), sample.Decision.Request.ReceivedOn)),
            RecordQuery.All.WithVersion("V2"),
            RecordQuery.All.WithCountry(sample.Decision.Jurisdiction).WithVersion("V1"),
            RecordQuery.All.WithCountry("ZZ"),
        ];

        foreach (RecordQuery query in queries)
        {
            AssertSameHistories([.. batch.Histories.Where(query.Matches)], await store.ReadHistoriesAsync(query).ToListAsync());
        }
    }

    [StoreFact]
    public async Task ImportAsync_Histories_StoredThenAgainAllAlreadyRecorded()
    {
        IDecisionRecorder store = await CreateAsync();
        HistoryBatch batch = HistoryBatch.Make(20, seed: 3);

        ImportSummary first = await store.ImportAsync(batch.Histories.ToAsyncEnumerable());
        ImportSummary again = await store.ImportAsync(batch.Histories.ToAsyncEnumerable());

        Assert.Equal((20L, (long)batch.Events.Count, 0L), (first.Requests, first.RecordedEvents, first.AlreadyRecordedEvents));
        Assert.Equal((20L, 0L, (long)batch.Events.Count), (again.Requests, again.RecordedEvents, again.AlreadyRecordedEvents));
        AssertSameHistories(batch.Histories, await store.ReadHistoriesAsync(RecordQuery.All).ToListAsync());
    }

    [StoreFact]
    public async Task ImportAsync_ConflictingHistory_EarlierStoredRefusedOneNot()
    {
        IDecisionRecorder store = await CreateAsync();
        DecisionRecord stored = Recorded.Of(Some.V2Permitted("REQ-B"));
        await store.RecordAsync(stored);
        RequestHistory a = Histories.DisclosingAll(Record("REQ-A"));
        DecisionRecord conflicting = Recorded.Of(Some.With(Some.V2Permitted("REQ-B"), analysis: LegalAnalysisOutcome.NotPerformed), receivedAt: stored.ReceivedAt);
        RequestHistory c = Histories.DisclosingAll(Record("REQ-C"));

        await Assert.ThrowsAsync<RecordConflictException>(async () =>
            await store.ImportAsync(new[] { a, RequestHistory.Start(conflicting), c }.ToAsyncEnumerable()));

        AssertSameHistories([a], [(await store.FindHistoryAsync("REQ-A"))!]);
        Assert.Equal(stored, await store.FindAsync("REQ-B"));
        Assert.Null(await store.FindAsync("REQ-C"));
    }

    [StoreFact]
    public async Task RecordAsync_TwoWritersSameRecords_EachStoredOnce()
    {
        IDecisionRecorder first = await CreateAsync();
        IDecisionRecorder second = await OpenSecondWriterAsync(first);
        DecisionRecord[] records = [.. Enumerable.Range(0, 30).Select(i => Record($"REQ-{i:D3}"))];

        RecordOutcome[][] outcomes = await Task.WhenAll(new[] { first, second, first, second }.Select(store => Task.Run(async () =>
        {
            var mine = new List<RecordOutcome>();
            foreach (DecisionRecord record in records)
            {
                mine.Add(await store.RecordAsync(record));
            }

            return mine.ToArray();
        })));

        Assert.Equal(30, await first.CountAsync());
        Assert.Equal(30, outcomes.SelectMany(o => o).Count(o => o == RecordOutcome.Recorded));
        Assert.Equal(90, outcomes.SelectMany(o => o).Count(o => o == RecordOutcome.AlreadyRecorded));
    }

    [StoreFact]
    public async Task RecordAsync_TwoWritersConflictingRecords_ExactlyOneStandsOtherGetsTheConflict()
    {
        IDecisionRecorder first = await CreateAsync();
        IDecisionRecorder second = await OpenSecondWriterAsync(first);
        for (int i = 0; i < 10; i++)
        {
            DecisionRecord a = Record($"REQ-{i}");
            DecisionRecord b = Recorded.Of(Some.With(Some.V2Permitted($"REQ-{i}"), analysis: LegalAnalysisOutcome.NotPerformed), receivedAt: a.ReceivedAt);

            Task<RecordOutcome>[] both = [Task.Run(async () => await first.RecordAsync(a)), Task.Run(async () => await second.RecordAsync(b))];
            Exception? failure = null;
            try
            {
                await Task.WhenAll(both);
            }
            catch (RecordConflictException ex)
            {
                failure = ex;
            }

            Assert.IsType<RecordConflictException>(failure);
            Task<RecordOutcome> winner = Assert.Single(both, t => t.IsCompletedSuccessfully);
            Assert.Equal(RecordOutcome.Recorded, await winner);
            DecisionRecord standing = (await first.FindAsync($"REQ-{i}"))!;
            Assert.Equal(both[0].IsCompletedSuccessfully ? a : b, standing);
            Assert.Equal(standing, await second.FindAsync($"REQ-{i}"));
        }
    }

    [StoreFact]
    public async Task AppendAsync_TwoWritersContradictingEvents_ExactlyOneStands()
    {
        IDecisionRecorder first = await CreateAsync();
        IDecisionRecorder second = await OpenSecondWriterAsync(first);
        for (int i = 0; i < 10; i++)
        {
            DecisionRecord record = Record($"REQ-{i}");
            await first.RecordAsync(record);
            RequestEvent close = RequestEvent.ClosedWithoutDisclosure(record.RequestId, record.DecidedAt + Duration.FromHours(1), "withdrawn");
            RequestEvent disclose = RequestEvent.Disclosed(record.RequestId, record.DecidedAt + Duration.FromHours(2), Histories.PermittedItems(record));

            Task<RecordOutcome>[] both = [Task.Run(async () => await first.AppendAsync(close)), Task.Run(async () => await second.AppendAsync(disclose))];
            await Assert.ThrowsAsync<RequestEventConflictException>(() => Task.WhenAll(both));

            RequestHistory history = (await second.FindHistoryAsync(record.RequestId))!;
            Assert.Equal(2, history.Events.Count);
            Assert.Equal(both[0].IsCompletedSuccessfully ? RequestEventKind.ClosedWithoutDisclosure : RequestEventKind.Disclosed, history.Events[1].Kind);
        }
    }

    [StoreFact]
    public async Task BuildReportsAsync_GeneratedHistories_EqualTheInMemoryBuilders()
    {
        IDecisionRecorder store = await CreateAsync();
        HistoryBatch batch = HistoryBatch.Make(25, seed: 5);
        await store.ImportAsync(batch.Histories.ToAsyncEnumerable());

        await AssertReportsEqualBuilders(store, batch.Histories);
    }

    [StoreFact]
    public void BuildReportsAsync_AnyGeneratedHistories_EqualTheInMemoryBuilders()
    {
        // A property over generated histories (FsCheck, run here so each store's class can skip it as a whole): every
        // batch goes into a fresh store, half event by event and half by the bulk import.
        Prop.ForAll(HistoryBatch.Arbitrary(), batch =>
        {
            IDecisionRecorder store = CreateAsync().GetAwaiter().GetResult();
            if (batch.Events.Count % 2 == 0)
            {
                foreach (RequestEvent e in batch.Events)
                {
                    RecorderSteps.Wait(store.AppendAsync(e));
                }
            }
            else
            {
                RecorderSteps.Wait(store.ImportAsync(batch.Histories.ToAsyncEnumerable()));
            }

            AssertReportsEqualBuilders(store, batch.Histories).GetAwaiter().GetResult();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12));
    }

    /// <summary>Asserts that a DSA report whose counts and ordered passes have new records written between them (by the
    /// hook <paramref name="setBetween"/> installs) still equals the builder over all the records: the passes find rows the
    /// counts did not count, and the report is read again in one transaction.</summary>
    internal static async Task AssertDsaReportSeesOneStateAsync(IDecisionRecorder store, Action<Func<Task>?> setBetween)
    {
        HistoryBatch batch = HistoryBatch.Make(60, seed: 23);
        RequestHistory[] late = [.. batch.Histories
            .Where(h => h.AcknowledgedAt is not null && h.Decision.Request.Jurisdiction.IsEuMemberStateOn(h.Decision.Request.ReceivedOn))
            .Take(3)];
        Assert.NotEmpty(late);
        await store.ImportAsync(batch.Histories.Except(late).ToAsyncEnumerable());
        int calls = 0;
        setBetween(async () =>
        {
            if (calls++ == 0)
            {
                await store.ImportAsync(late.ToAsyncEnumerable());
            }
        });
        ReportingSchedule schedule = ReportingSchedule.SemiAnnual(DateTimeZone.Utc);

        DsaOrderReport report = await store.BuildDsaOrderReportAsync(schedule, null);

        setBetween(null);
        Assert.Equal(1, calls);
        Assert.Equal(DsaOrderReport.Build(batch.Histories, schedule).ToJson(), report.ToJson());
    }

    /// <summary>Asserts that the store's reports equal the in-memory builders' over <paramref name="histories"/>, for
    /// several schedules and zones, with and without a date range.</summary>
    internal static async Task AssertReportsEqualBuilders(IDecisionRecorder store, IReadOnlyList<RequestHistory> histories)
    {
        DateTimeZone berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        DateTimeZone kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
        ReportingSchedule[] schedules =
        [
            ReportingSchedule.VersionCadence(DateTimeZone.Utc),
            ReportingSchedule.VersionCadence(berlin),
            ReportingSchedule.Quarterly(kolkata),
            ReportingSchedule.Monthly(DateTimeZone.Utc),
            ReportingSchedule.EveryDays(45, new LocalDate(2024, 1, 3), berlin),
        ];
        DateInterval[] ranges = [new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2025, 6, 30)), new DateInterval(new LocalDate(2019, 3, 5), new LocalDate(2019, 3, 5))];
        foreach (ReportingSchedule schedule in schedules)
        {
            Assert.Equal(
                TransparencyReport.Build(histories, schedule).ToJson(),
                (await store.BuildTransparencyReportAsync(schedule, null)).ToJson());
            Assert.Equal(
                DsaOrderReport.Build(histories, schedule).ToJson(),
                (await store.BuildDsaOrderReportAsync(schedule, null)).ToJson());
            foreach (DateInterval dates in ranges)
            {
                Assert.Equal(
                    TransparencyReport.Build(histories.Where(h => dates.Contains(schedule.DateOf(h))), schedule).ToJson(),
                    (await store.BuildTransparencyReportAsync(schedule, dates)).ToJson());
                Assert.Equal(
                    DsaOrderReport.Build(histories.Where(h => dates.Contains(h.ReceivedAt.InZone(schedule.Zone).Date)), schedule).ToJson(),
                    (await store.BuildDsaOrderReportAsync(schedule, dates)).ToJson());
            }
        }
    }

    /// <summary>Asserts two lists of histories hold the same requests in the same order with the same events.</summary>
    internal static void AssertSameHistories(IReadOnlyList<RequestHistory> expected, IReadOnlyList<RequestHistory> actual)
    {
        Assert.Equal(expected.Select(h => h.RequestId), actual.Select(h => h.RequestId));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Decision, actual[i].Decision);
            Assert.Equal(expected[i].Events, actual[i].Events);
            Assert.Equal(expected[i].Events.Select(e => e.At), actual[i].Events.Select(e => e.At));
        }
    }
}
