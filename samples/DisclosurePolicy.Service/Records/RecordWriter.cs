using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>
/// The service's writer to the store: every decision and event is queued here, and written in batches by background
/// loops (lanes), each caller awaiting its own outcome.
/// </summary>
/// <remarks>
/// <para><b>Why queue.</b> A database that allows one writer at a time (SQLite) makes concurrent inserts queue on its
/// lock: the throughput holds, but the tail latency climbs to the lock's back-off. Here the concurrent callers meet in a
/// channel instead, and a batch is written with one <see cref="IDecisionRecorder.ImportAsync"/> call, which the stores
/// commit together: under load a commit carries many requests, unloaded it carries one. SQLite gets one lane; a server
/// that takes concurrent writers (PostgreSQL) gets several, each request id always in the same lane.</para>
/// <para><b>Shutdown.</b> Stopping closes the queues and writes everything already queued, so requests in flight finish
/// with their answer; a write asked for after that is refused.</para>
/// </remarks>
internal sealed class RecordWriter : IHostedService
{
    /// <summary>The most events written in one batch.</summary>
    public const int MaxBatch = 256;

    private readonly WriteLane[] _lanes;
    private readonly IDecisionRecorder _store;
    private readonly bool _direct;

    public RecordWriter(IDecisionRecorder store, ILogger<RecordWriter> logger)
        : this(store, logger, lanes: 1, direct: false)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordWriter"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="lanes">How many lanes write at once.</param>
    /// <param name="direct">Whether to skip the queues and append each event on its own, in the caller's request, as a
    /// plain insert per request would: the comparison the load test measures the lanes against.</param>
    public RecordWriter(IDecisionRecorder store, ILogger<RecordWriter> logger, int lanes, bool direct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _store = store;
        _direct = direct;
        _lanes = [.. Enumerable.Range(0, lanes).Select(_ => new WriteLane(store, logger))];
    }

    /// <summary>Gets the number of batches committed so far in a request's lane; read it before reading the history to pass
    /// to <see cref="WriteAsync(RequestEvent, RequestHistory?, long)"/>.</summary>
    public long CommittedFor(string requestId) => Lane(requestId).Committed;

    /// <summary>Gets the history the writer wrote last for a request, if it still keeps it (recent writes only), and the batch
    /// number to pass with it to <see cref="WriteAsync(RequestEvent, RequestHistory?, long)"/>: a caller that finds it need
    /// not read the history from the store. Never found on the direct write path.</summary>
    public bool TryGetRecent(string requestId, out RequestHistory history, out long batch)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        history = null!;
        batch = 0;
        return !_direct && Lane(requestId).TryGetRecent(requestId, out history, out batch);
    }

    /// <summary>Queues an event and waits until it is stored or refused; the writer reads the request's history itself.</summary>
    /// <exception cref="RecordConflictException">A different decision is stored under the request id.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the request's history.</exception>
    /// <exception cref="InvalidOperationException">The service is stopping.</exception>
    public Task<WriteResult> WriteAsync(RequestEvent requestEvent) => WriteAsync(requestEvent, null, long.MinValue);

    /// <summary>Queues an event and waits until it is stored or refused.</summary>
    /// <param name="requestEvent">The event.</param>
    /// <param name="seen">The request's history as the caller read it from the store, <see langword="null"/> when none was stored.</param>
    /// <param name="seenAfterBatch">The value of <see cref="CommittedFor"/> before that read.</param>
    /// <exception cref="RecordConflictException">A different decision is stored under the request id.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the request's history.</exception>
    /// <exception cref="InvalidOperationException">The service is stopping.</exception>
    public Task<WriteResult> WriteAsync(RequestEvent requestEvent, RequestHistory? seen, long seenAfterBatch)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        return _direct ? AppendDirectlyAsync(requestEvent) : Lane(requestEvent.RequestId).WriteAsync(requestEvent, seen, seenAfterBatch);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (WriteLane lane in _lanes)
        {
            lane.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_lanes.Select(l => l.StopAsync(cancellationToken)));

    private async Task<WriteResult> AppendDirectlyAsync(RequestEvent requestEvent)
    {
        RecordOutcome outcome = await _store.AppendAsync(requestEvent).ConfigureAwait(false);
        RequestHistory? history = outcome == RecordOutcome.Recorded && requestEvent.Kind == RequestEventKind.Decided
            ? RequestHistory.Start(requestEvent.Decision!)
            : await _store.FindHistoryAsync(requestEvent.RequestId).ConfigureAwait(false);
        return new WriteResult(outcome, history!);
    }

    private WriteLane Lane(string requestId) => _lanes[(uint)StringComparer.Ordinal.GetHashCode(requestId) % (uint)_lanes.Length];
}
