namespace DisclosurePolicy.Reporting;

/// <summary>
/// An append-only store of requests' lives, kept by request id: each request's decision record, then the events after it
/// (acknowledged, disclosed, closed without disclosure).
/// </summary>
/// <remarks>
/// <para>Recording is idempotent by request id: recording the same decision again (see
/// <see cref="DecisionRecord.IsSameDecisionAs"/>) returns <see cref="RecordOutcome.AlreadyRecorded"/> and changes nothing;
/// recording a different decision under an id already used throws <see cref="RecordConflictException"/> and changes
/// nothing. No record is ever replaced or removed.</para>
/// <para>Events go through <see cref="RequestHistory.Apply"/>, the one validator of a request's history: the same event
/// again returns <see cref="RecordOutcome.AlreadyRecorded"/>; an event that contradicts the history throws
/// <see cref="RequestEventConflictException"/>; either way nothing is written.</para>
/// <para>An interface rather than a base class: hosts implement it over their own store (a database table with a unique
/// key on the request id, an event stream), and nothing in the contract needs shared code. Implementations must be safe to
/// call from several threads.</para>
/// </remarks>
public interface IDecisionRecorder
{
    /// <summary>Gets the number of records stored.</summary>
    public int Count { get; }

    /// <summary>Gets a snapshot of the records, in the order they were first recorded.</summary>
    public IReadOnlyList<DecisionRecord> Records { get; }

    /// <summary>Stores a record unless the same decision is already stored under its request id.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see cref="RecordOutcome.Recorded"/> when stored, <see cref="RecordOutcome.AlreadyRecorded"/> when the same decision was already there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="RecordConflictException">A different decision is already stored under the request id.</exception>
    public RecordOutcome Record(DecisionRecord record);

    /// <summary>Returns the record stored under a request id.</summary>
    /// <param name="requestId">The request id, compared ordinally.</param>
    /// <returns>The record, or <see langword="null"/> when none is stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    public DecisionRecord? Find(string requestId);

    /// <summary>Gets a snapshot of every request's history, in the order their decisions were first recorded.</summary>
    public IReadOnlyList<RequestHistory> Histories { get; }

    /// <summary>Appends an event to its request's history unless the same event is already there.</summary>
    /// <param name="requestEvent">The event; a decided event is the same as <see cref="Record"/>.</param>
    /// <returns><see cref="RecordOutcome.Recorded"/> when stored, <see cref="RecordOutcome.AlreadyRecorded"/> when the same event was already there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="RecordConflictException">A decided event differs from the decision already stored.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the request's history; nothing was stored.</exception>
    public RecordOutcome Append(RequestEvent requestEvent);

    /// <summary>Returns the history of a request.</summary>
    /// <param name="requestId">The request id, compared ordinally.</param>
    /// <returns>The history, or <see langword="null"/> when no decision is stored for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    public RequestHistory? FindHistory(string requestId);
}
