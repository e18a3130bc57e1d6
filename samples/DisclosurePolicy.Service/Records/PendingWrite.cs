using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>One event waiting for the writer, and the caller's completion.</summary>
internal sealed class PendingWrite(RequestEvent requestEvent)
{
    private readonly TaskCompletionSource<WriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RequestEvent Event { get; } = requestEvent;

    public Task<WriteResult> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Complete(RecordOutcome outcome, RequestHistory history) => _completion.TrySetResult(new WriteResult(outcome, history));

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
