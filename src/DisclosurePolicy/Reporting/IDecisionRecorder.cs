using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// An append-only store of requests' lives, kept by request id: each request's decision record, then the events after it
/// (acknowledged, disclosed, closed without disclosure); queried without loading everything, and able to build the
/// reports where the records are.
/// </summary>
/// <remarks>
/// <para><b>Idempotent and append-only.</b> Recording the same decision again (see
/// <see cref="DecisionRecord.IsSameDecisionAs"/>) returns <see cref="RecordOutcome.AlreadyRecorded"/> and changes nothing;
/// recording a different decision under an id already used throws <see cref="RecordConflictException"/> and changes
/// nothing. Events go through <see cref="RequestHistory.Apply"/>, the one validator of a request's history: the same
/// event again returns <see cref="RecordOutcome.AlreadyRecorded"/>; an event that contradicts the history throws
/// <see cref="RequestEventConflictException"/>; either way nothing is written. No record or event is ever replaced or
/// removed. These rules hold with several writers at once, in one process or several: of two writers appending the same
/// record, one records it and the other finds it already recorded; of two appending conflicting records, exactly one
/// stands and the other gets the conflict.</para>
/// <para><b>Durable.</b> When an append returns, the record is stored as durably as the store can make it (flushed to
/// disk, committed).</para>
/// <para><b>Queries</b> stream (<see cref="ReadHistoriesAsync"/>) in the order decisions were first recorded, so a reader
/// of millions of records holds one at a time; the reports are built by the store (a database from the narrow indexed
/// columns of its request rows, never from the stored JSON) and equal what <see cref="TransparencyReportBuilder"/> and <see cref="DsaOrderReportBuilder"/> build from
/// the same histories.</para>
/// <para>An interface rather than a base class: hosts may implement it over their own store, and nothing in the contract
/// needs shared code. Implementations must be safe to call from several threads. The in-memory, JSON Lines, SQLite and
/// PostgreSQL stores pass one contract test suite.</para>
/// </remarks>
public interface IDecisionRecorder
{
    /// <summary>Stores a decision record unless the same decision is already stored under its request id.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the wait; a record whose storing already committed stays stored.</param>
    /// <returns><see cref="RecordOutcome.Recorded"/> when stored, <see cref="RecordOutcome.AlreadyRecorded"/> when the same decision was already there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="RecordConflictException">A different decision is already stored under the request id.</exception>
    public ValueTask<RecordOutcome> RecordAsync(DecisionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Appends an event to its request's history unless the same event is already there.</summary>
    /// <param name="requestEvent">The event; a decided event is the same as <see cref="RecordAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; an event whose storing already committed stays stored.</param>
    /// <returns><see cref="RecordOutcome.Recorded"/> when stored, <see cref="RecordOutcome.AlreadyRecorded"/> when the same event was already there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="RecordConflictException">A decided event differs from the decision already stored.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the request's history; nothing was stored.</exception>
    public ValueTask<RecordOutcome> AppendAsync(RequestEvent requestEvent, CancellationToken cancellationToken = default);

    /// <summary>Stores whole histories, as from another store: the bulk path for moving history between stores.</summary>
    /// <param name="histories">The histories, in the order their decisions should be recorded.</param>
    /// <param name="cancellationToken">Stops the import; what was committed stays.</param>
    /// <returns>How many requests were read and how many events were new or already there.</returns>
    /// <remarks><para>Every event goes through the same rules as <see cref="AppendAsync"/>: what is already stored counts
    /// as already recorded, so an interrupted import is completed by running it again. A store may commit in batches;
    /// a request's events are always committed together. When an event is refused the exception propagates: the
    /// requests before it in <paramref name="histories"/> are stored, and nothing of the refused request's history
    /// that was not stored before.</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> or a history is <see langword="null"/>.</exception>
    /// <exception cref="RecordConflictException">A history's decision differs from the one stored under its request id.</exception>
    /// <exception cref="RequestEventConflictException">A history's event contradicts the one stored.</exception>
    public ValueTask<ImportSummary> ImportAsync(IAsyncEnumerable<RequestHistory> histories, CancellationToken cancellationToken = default);

    /// <summary>Counts the requests with a recorded decision.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The number of requests.</returns>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the decision record stored under a request id.</summary>
    /// <param name="requestId">The request id, compared ordinally.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The record, or <see langword="null"/> when none is stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    public ValueTask<DecisionRecord?> FindAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Returns the history of a request.</summary>
    /// <param name="requestId">The request id, compared ordinally.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The history, or <see langword="null"/> when no decision is stored for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    public ValueTask<RequestHistory?> FindHistoryAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Streams the histories a query selects, in the order their decisions were first recorded.</summary>
    /// <param name="query">What to select (<see cref="RecordQuery.All"/> for everything).</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The histories, read as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<RequestHistory> ReadHistoriesAsync(RecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>Builds the transparency report of the stored histories.</summary>
    /// <param name="schedule">How requests are grouped into periods.</param>
    /// <param name="dates">When given, only requests reported under a date in it count (the date of
    /// <see cref="ReportingSchedule.DateOf"/>, both ends included); <see langword="null"/> for every request.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The report <see cref="TransparencyReport.Build"/> returns for the same histories.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is <see langword="null"/>.</exception>
    public ValueTask<TransparencyReport> BuildTransparencyReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default);

    /// <summary>Builds the DSA Article 15(1)(a) report of the stored histories.</summary>
    /// <param name="schedule">How receipt dates are grouped into periods, and in which zone.</param>
    /// <param name="dates">When given, only orders received on a date in it (in the schedule's zone, both ends included)
    /// count; <see langword="null"/> for every order.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The report <see cref="DsaOrderReport.Build"/> returns for the same histories.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is <see langword="null"/>.</exception>
    public ValueTask<DsaOrderReport> BuildDsaOrderReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default);
}
