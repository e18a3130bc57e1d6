using System.Runtime.CompilerServices;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>An <see cref="IDecisionRecorder"/> that keeps records and events in memory, for tests, replays and hosts with their own persistence.</summary>
/// <remarks><para>Every operation completes at once (the returned tasks are already done). Reports are built by
/// <see cref="TransparencyReportBuilder"/> and <see cref="DsaOrderReportBuilder"/> over a snapshot. Safe to use from
/// several threads; holds no static state.</para></remarks>
public sealed class InMemoryDecisionRecorder : IDecisionRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RequestHistory> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _inOrder = [];

    /// <summary>Initializes a new instance of the <see cref="InMemoryDecisionRecorder"/> class, empty.</summary>
    public InMemoryDecisionRecorder()
    {
    }

    /// <inheritdoc/>
    public ValueTask<RecordOutcome> RecordAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AppendAsync(RequestEvent.Decided(record), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<RecordOutcome> AppendAsync(RequestEvent requestEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Append(requestEvent));
    }

    /// <inheritdoc/>
    public async ValueTask<ImportSummary> ImportAsync(IAsyncEnumerable<RequestHistory> histories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        long requests = 0, recorded = 0, already = 0;
        await foreach (RequestHistory history in histories.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(history, nameof(histories));
            (int r, int a) = Import(history);
            requests++;
            recorded += r;
            already += a;
        }

        return new ImportSummary(requests, recorded, already);
    }

    /// <inheritdoc/>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)_inOrder.Count);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<DecisionRecord?> FindAsync(string requestId, CancellationToken cancellationToken = default) =>
        (await FindHistoryAsync(requestId, cancellationToken).ConfigureAwait(false))?.Decision;

    /// <inheritdoc/>
    public ValueTask<RequestHistory?> FindHistoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.GetValueOrDefault(requestId));
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<RequestHistory> ReadHistoriesAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Stream(Snapshot(query), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<TransparencyReport> BuildTransparencyReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        IEnumerable<RequestHistory> histories = Snapshot(RecordQuery.All);
        if (dates is not null)
        {
            histories = histories.Where(h => dates.Contains(schedule.DateOf(h)));
        }

        return ValueTask.FromResult(TransparencyReportBuilder.Build(histories, schedule));
    }

    /// <inheritdoc/>
    public ValueTask<DsaOrderReport> BuildDsaOrderReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        IEnumerable<RequestHistory> histories = Snapshot(RecordQuery.All);
        if (dates is not null)
        {
            histories = histories.Where(h => dates.Contains(h.ReceivedAt.InZone(schedule.Zone).Date));
        }

        return ValueTask.FromResult(DsaOrderReportBuilder.Build(histories, schedule));
    }

    private static async IAsyncEnumerable<RequestHistory> Stream(RequestHistory[] histories, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (RequestHistory history in histories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return history;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private RequestHistory[] Snapshot(RecordQuery query)
    {
        lock (_gate)
        {
            return [.. _inOrder.Select(id => _byId[id]).Where(query.Matches)];
        }
    }

    private RecordOutcome Append(RequestEvent requestEvent)
    {
        lock (_gate)
        {
            RequestHistory? existing = _byId.GetValueOrDefault(requestEvent.RequestId);
            RequestHistory next = RequestHistory.Apply(existing, requestEvent, out RecordOutcome outcome);
            if (outcome == RecordOutcome.Recorded)
            {
                Store(existing, next);
            }

            return outcome;
        }
    }

    // A request's events are applied to a copy and stored together, so a refused event leaves none of them behind.
    private (int Recorded, int Already) Import(RequestHistory history)
    {
        lock (_gate)
        {
            RequestHistory? existing = _byId.GetValueOrDefault(history.RequestId);
            RequestHistory? next = existing;
            int recorded = 0, already = 0;
            foreach (RequestEvent e in history.Events)
            {
                next = RequestHistory.Apply(next, e, out RecordOutcome outcome);
                if (outcome == RecordOutcome.Recorded)
                {
                    recorded++;
                }
                else
                {
                    already++;
                }
            }

            if (recorded > 0)
            {
                Store(existing, next!);
            }

            return (recorded, already);
        }
    }

    private void Store(RequestHistory? existing, RequestHistory next)
    {
        if (existing is null)
        {
            _inOrder.Add(next.RequestId);
        }

        _byId[next.RequestId] = next;
    }
}
