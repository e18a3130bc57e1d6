using System.Threading.Channels;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>
/// One queue of <see cref="RecordWriter"/> and its background loop: what has queued up is written as one batch, each
/// caller awaiting its own outcome. Every request id belongs to exactly one lane, so a request's events are checked and
/// written in order, by one loop.
/// </summary>
/// <remarks>
/// <para><b>Same rules as the store.</b> Each event is first checked in memory with <see cref="RequestHistory.Apply"/>
/// against the stored history (and the batch's earlier events): the library's one validator decides new, already
/// recorded or conflicting, so a refused event is never written and the same request twice in one batch is recorded
/// once. A database store then writes the batch without reading anything back (<see cref="CheckedAppend"/>): it inserts
/// a new request only where its id is free and extends a stored one only while it has the event count that was checked,
/// and returns the requests another writer changed meanwhile; their events, and every event of a batch whose write
/// fails, are written one by one with <see cref="IDecisionRecorder.AppendAsync"/>, and the store's own answer reaches
/// each caller. Another store gets the batch through <see cref="IDecisionRecorder.ImportAsync"/>.</para>
/// <para><b>Reads off the loop.</b> Callers read the request's history themselves, concurrently, before they queue (they
/// need it anyway, to answer 404 or to see an earlier decision), and pass it in with the number of batches the lane had
/// committed before their read. The lane uses that history unless a batch committed since then wrote the same request,
/// in which case it reads the history again: the loop spends its time writing.</para>
/// </remarks>
internal sealed class WriteLane(IDecisionRecorder store, ILogger logger)
{
    private const int MaxBatch = RecordWriter.MaxBatch;

    // How many batches back the writer remembers which requests it wrote; a caller's read older than that is read again.
    private const long Remembered = 4096;

    // How many of the histories it wrote last the lane keeps for callers, instead of their reading them back.
    private const int RecentCapacity = 8192;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, long> _writtenInBatch = new(StringComparer.Ordinal);
    private readonly Func<IReadOnlyList<RequestHistory>, IReadOnlyList<int>, ValueTask<IReadOnlyList<string>>>? _checked = CheckedAppend.Of(store);
    private readonly RecentHistories _recent = new(RecentCapacity);
    private Task _drain = Task.CompletedTask;
    private long _committed;

    /// <summary>Gets the number of batches committed so far; read it before reading a history to pass to <see cref="WriteAsync(RequestEvent, RequestHistory?, long)"/>.</summary>
    public long Committed => Volatile.Read(ref _committed);

    /// <summary>Gets the history this lane wrote last for a request, if it still keeps it, and the batch that wrote it: pass
    /// them to <see cref="WriteAsync(RequestEvent, RequestHistory?, long)"/> as the history seen and its batch.</summary>
    public bool TryGetRecent(string requestId, out RequestHistory history, out long batch) => _recent.TryGet(requestId, out history, out batch);

    /// <summary>Queues an event and waits until it is stored or refused.</summary>
    /// <param name="requestEvent">The event.</param>
    /// <param name="seen">The request's history as the caller read it from the store, <see langword="null"/> when none was stored.</param>
    /// <param name="seenAfterBatch">The value of <see cref="Committed"/> before that read.</param>
    /// <exception cref="RecordConflictException">A different decision is stored under the request id.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the request's history.</exception>
    /// <exception cref="InvalidOperationException">The service is stopping.</exception>
    public Task<WriteResult> WriteAsync(RequestEvent requestEvent, RequestHistory? seen, long seenAfterBatch)
    {
        var pending = new PendingWrite(requestEvent, seen, seenAfterBatch);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The service is stopping; nothing was written.");
        }

        return pending.Completion;
    }

    public void Start() => _drain = Task.Run(DrainAsync, CancellationToken.None);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _drain.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out PendingWrite? pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        var histories = new Dictionary<string, RequestHistory?>(StringComparer.Ordinal);
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        var changed = new List<string>();
        var recorded = new List<PendingWrite>();
        try
        {
            foreach (PendingWrite pending in batch)
            {
                string id = pending.Event.RequestId;
                if (!histories.TryGetValue(id, out RequestHistory? history))
                {
                    history = IsCurrent(pending) ? pending.Seen : await store.FindHistoryAsync(id).ConfigureAwait(false);
                    histories[id] = history;
                    stored[id] = history?.Events.Count ?? 0;
                }

                try
                {
                    RequestHistory next = RequestHistory.Apply(history, pending.Event, out RecordOutcome outcome);
                    if (outcome == RecordOutcome.Recorded)
                    {
                        if (!changed.Contains(id, StringComparer.Ordinal))
                        {
                            changed.Add(id);
                        }

                        histories[id] = next;
                        recorded.Add(pending);
                    }
                    else
                    {
                        pending.Complete(outcome, next);
                    }
                }
                catch (Exception ex) when (ex is RecordConflictException or RequestEventConflictException)
                {
                    pending.Fail(ex);
                }
            }

            if (changed.Count > 0 && _checked is not null)
            {
                IReadOnlyList<string> stale = await _checked([.. changed.Select(id => histories[id]!)], [.. changed.Select(id => stored[id])]).ConfigureAwait(false);
                if (stale.Count > 0)
                {
                    // Another writer got there first: nothing of these was written; the store checks them again, one by one.
                    var again = new HashSet<string>(stale, StringComparer.Ordinal);
                    await WriteOneByOneAsync([.. recorded.Where(p => again.Contains(p.Event.RequestId))]).ConfigureAwait(false);
                    recorded.RemoveAll(p => again.Contains(p.Event.RequestId));
                }
            }
            else if (changed.Count > 0)
            {
                await store.ImportAsync(changed.Select(id => histories[id]!).ToAsyncEnumerable()).ConfigureAwait(false);
            }

            foreach (PendingWrite pending in recorded)
            {
                pending.Complete(RecordOutcome.Recorded, histories[pending.Event.RequestId]!);
            }

            // Numbered as Remember numbers this batch: a caller's later write of the same request is current against it.
            foreach (string id in recorded.Select(p => p.Event.RequestId).Distinct(StringComparer.Ordinal))
            {
                _recent.Add(histories[id]!, _committed + 1);
            }
        }
        catch (Exception ex)
        {
            Log.BatchFellBack(logger, batch.Count, ex.GetType().Name);
            await WriteOneByOneAsync(batch).ConfigureAwait(false);
        }
        finally
        {
            Remember(changed);
        }
    }

    // A caller's read is current when no batch committed after it wrote the same request.
    private bool IsCurrent(PendingWrite pending) =>
        pending.SeenAfterBatch >= _committed - Remembered
        && !(_writtenInBatch.TryGetValue(pending.Event.RequestId, out long written) && written > pending.SeenAfterBatch);

    private void Remember(List<string> written)
    {
        long batch = _committed + 1;
        foreach (string id in written)
        {
            _writtenInBatch[id] = batch;
        }

        Volatile.Write(ref _committed, batch);
        if (batch % Remembered == 0)
        {
            foreach (string id in _writtenInBatch.Where(w => w.Value < batch - Remembered).Select(w => w.Key).ToArray())
            {
                _writtenInBatch.Remove(id);
            }
        }
    }

    private async Task WriteOneByOneAsync(List<PendingWrite> batch)
    {
        foreach (PendingWrite pending in batch.Where(p => !p.IsDone))
        {
            try
            {
                RecordOutcome outcome = await store.AppendAsync(pending.Event).ConfigureAwait(false);
                RequestHistory? history = await store.FindHistoryAsync(pending.Event.RequestId).ConfigureAwait(false);
                pending.Complete(outcome, history!);
            }
            catch (Exception ex)
            {
                pending.Fail(ex);
            }
        }
    }
}
