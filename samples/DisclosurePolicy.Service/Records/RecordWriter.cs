using System.Threading.Channels;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>
/// The service's one writer to the store: every decision and event is queued here, and a single background loop writes
/// what has queued up as one batch, each caller awaiting its own outcome.
/// </summary>
/// <remarks>
/// <para><b>Why one writer.</b> A database that allows one writer at a time (SQLite) makes concurrent inserts queue on
/// its lock: the throughput holds, but the tail latency climbs to the lock's back-off. Here the concurrent callers meet
/// in a channel instead, and a batch is written with one <see cref="IDecisionRecorder.ImportAsync"/> call, which the
/// stores commit together: under load a commit carries many requests, unloaded it carries one.</para>
/// <para><b>Same rules as the store.</b> Each event is first checked in memory with <see cref="RequestHistory.Apply"/>
/// against the stored history (and the batch's earlier events): the library's one validator decides new, already
/// recorded or conflicting, so a refused event is never written and the same request twice in one batch is recorded
/// once. Should the import still fail (another process wrote the same request meanwhile, or the store is down), the
/// batch's events are written one by one with <see cref="IDecisionRecorder.AppendAsync"/>, and the store's own answer
/// reaches each caller.</para>
/// <para><b>Reads off the writer's path.</b> Callers read the request's history themselves, concurrently, before they
/// queue (they need it anyway, to answer 404 or to see an earlier decision), and pass it in with the number of batches
/// committed before their read. The writer uses that history unless a batch committed since then wrote the same
/// request, in which case it reads the history again: the one writer spends its time writing.</para>
/// <para><b>Shutdown.</b> Stopping closes the queue and writes everything already queued, so requests in flight finish
/// with their answer; a write asked for after that is refused.</para>
/// </remarks>
internal sealed class RecordWriter(IDecisionRecorder store, ILogger<RecordWriter> logger) : IHostedService
{
    /// <summary>The most events written in one batch.</summary>
    public const int MaxBatch = 256;

    // How many batches back the writer remembers which requests it wrote; a caller's read older than that is read again.
    private const long Remembered = 4096;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, long> _writtenInBatch = new(StringComparer.Ordinal);
    private Task _drain = Task.CompletedTask;
    private long _committed;

    /// <summary>Gets the number of batches committed so far; read it before reading a history to pass to <see cref="WriteAsync(RequestEvent, RequestHistory?, long)"/>.</summary>
    public long Committed => Volatile.Read(ref _committed);

    /// <summary>Queues an event and waits until it is stored or refused; the writer reads the request's history itself.</summary>
    /// <exception cref="RecordConflictException">A different decision is stored under the request id.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the request's history.</exception>
    /// <exception cref="InvalidOperationException">The service is stopping.</exception>
    public Task<WriteResult> WriteAsync(RequestEvent requestEvent) => WriteAsync(requestEvent, null, long.MinValue);

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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _drain = Task.Run(DrainAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

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

            if (changed.Count > 0)
            {
                await store.ImportAsync(changed.Select(id => histories[id]!).ToAsyncEnumerable()).ConfigureAwait(false);
            }

            foreach (PendingWrite pending in recorded)
            {
                pending.Complete(RecordOutcome.Recorded, histories[pending.Event.RequestId]!);
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
