using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>One event waiting for the writer, the history its caller read (and when), and the caller's completion.</summary>
internal sealed class PendingWrite(RequestEvent requestEvent, RequestHistory? seen, long seenAfterBatch)
{
    private readonly TaskCompletionSource<WriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RequestEvent Event { get; } = requestEvent;

    /// <summary>Gets the request's history as the caller read it from the store (<see langword="null"/>: none stored).</summary>
    public RequestHistory? Seen { get; } = seen;

    /// <summary>Gets the number of batches the writer had committed before the caller read <see cref="Seen"/>.</summary>
    public long SeenAfterBatch { get; } = seenAfterBatch;

    public Task<WriteResult> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Complete(RecordOutcome outcome, RequestHistory history) => _completion.TrySetResult(new WriteResult(outcome, history));

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
