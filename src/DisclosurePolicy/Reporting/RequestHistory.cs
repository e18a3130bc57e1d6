using DisclosurePolicy.Evaluation;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// The recorded life of one request: its decision, then the events appended after it (acknowledged, disclosed, closed
/// without disclosure), each checked against what came before.
/// </summary>
/// <remarks>
/// <para><see cref="Apply"/> is the one validator of a request's events; the in-memory and file recorders and the file
/// readers all go through it, so an event refused by one is refused by all. It refuses, naming every problem (the
/// field, its value and why): an event for a request with no recorded decision; an instant before the receipt; a
/// disclosure before the decision, after a closing, without items, or of an item the decision did not permit; a second
/// acknowledgement or closing at another instant or with another reason; closing a request that had a disclosure.
/// A second, different decision is refused with <see cref="RecordConflictException"/>. The same event again is
/// accepted and changes nothing.</para>
/// <para>A request with several disclosures is reported in the period of its first one (<see cref="FirstDisclosedAt"/>):
/// a report counts requests, not hand-overs.</para>
/// <para>Immutable and safe to share across threads; appending returns a new history.</para>
/// </remarks>
public sealed class RequestHistory
{
    private RequestHistory(DecisionRecord decision, IReadOnlyList<RequestEvent> events)
    {
        Decision = decision;
        Events = events;
        AcknowledgedAt = events.FirstOrDefault(e => e.Kind == RequestEventKind.Acknowledged)?.At;
        Disclosures = events.Where(e => e.Kind == RequestEventKind.Disclosed).ToArray().AsReadOnly();
        Closing = events.FirstOrDefault(e => e.Kind == RequestEventKind.ClosedWithoutDisclosure);
        var items = new List<DisclosedItem>();
        foreach (DisclosedItem item in Disclosures.SelectMany(d => d.Items))
        {
            if (!items.Contains(item))
            {
                items.Add(item);
            }
        }

        DisclosedItems = items.AsReadOnly();
        FirstDisclosedAt = Disclosures.Count == 0 ? null : Disclosures.Min(d => d.At);
    }

    /// <summary>Gets the request's id.</summary>
    public string RequestId => Decision.RequestId;

    /// <summary>Gets the decision record: the request, its receipt and the decision, pinned to the version that made it.</summary>
    public DecisionRecord Decision { get; }

    /// <summary>Gets every event in the order recorded, the decided event first.</summary>
    public IReadOnlyList<RequestEvent> Events { get; }

    /// <summary>Gets when the platform received the request.</summary>
    public Instant ReceivedAt => Decision.ReceivedAt;

    /// <summary>Gets when the issuing authority was informed of the receipt, or <see langword="null"/> when not recorded.</summary>
    public Instant? AcknowledgedAt { get; }

    /// <summary>Gets the disclosure events, in the order recorded.</summary>
    public IReadOnlyList<RequestEvent> Disclosures { get; }

    /// <summary>Gets the closing without disclosure, or <see langword="null"/> when the request was not closed so.</summary>
    public RequestEvent? Closing { get; }

    /// <summary>Gets every distinct item handed over, in the order first disclosed.</summary>
    public IReadOnlyList<DisclosedItem> DisclosedItems { get; }

    /// <summary>Gets the instant of the first disclosure, or <see langword="null"/> when nothing was disclosed.</summary>
    public Instant? FirstDisclosedAt { get; }

    /// <summary>Gets a value indicating whether at least one item was disclosed: the request counts as fulfilled.</summary>
    public bool IsFulfilled => DisclosedItems.Count > 0;

    /// <summary>Gets a value indicating whether the decision permitted something that was never disclosed: not a fulfilled request.</summary>
    public bool IsPermittedButNotDisclosed => Decision.Decision.IsPermitted && !IsFulfilled;

    /// <summary>Gets the distinct accounts with at least one disclosed item: the request's affected users.</summary>
    public IReadOnlyList<string> AffectedAccounts => DisclosedItems.Select(i => i.AccountReference).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Starts the history of a request with its decision.</summary>
    /// <param name="decision">The decision record.</param>
    /// <returns>A history holding only the decided event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is <see langword="null"/>.</exception>
    public static RequestHistory Start(DecisionRecord decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new RequestHistory(decision, [RequestEvent.Decided(decision)]);
    }

    /// <summary>Appends an event to a request's history, after checking that it fits.</summary>
    /// <param name="history">The history recorded so far, or <see langword="null"/> when the request has none.</param>
    /// <param name="requestEvent">The event.</param>
    /// <param name="outcome"><see cref="RecordOutcome.Recorded"/> when the event is new, <see cref="RecordOutcome.AlreadyRecorded"/>
    /// when the same event was already there (the history is then returned unchanged).</param>
    /// <returns>The history with the event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> is about another request.</exception>
    /// <exception cref="RecordConflictException">A decided event differs from the decision already recorded.</exception>
    /// <exception cref="RequestEventConflictException">The event contradicts the history; its
    /// <see cref="RequestEventConflictException.Problems"/> name every conflict.</exception>
    public static RequestHistory Apply(RequestHistory? history, RequestEvent requestEvent, out RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        if (history is not null && !string.Equals(history.RequestId, requestEvent.RequestId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The event is about request '{requestEvent.RequestId}', the history about '{history.RequestId}'.", nameof(history));
        }

        if (requestEvent.Kind == RequestEventKind.Decided)
        {
            DecisionRecord attempted = requestEvent.Decision!;
            if (history is null)
            {
                outcome = RecordOutcome.Recorded;
                return Start(attempted);
            }

            outcome = history.Decision.IsSameDecisionAs(attempted) ? RecordOutcome.AlreadyRecorded : throw new RecordConflictException(history.Decision, attempted);
            return history;
        }

        if (history is null)
        {
            throw new RequestEventConflictException(
                requestEvent,
                [$"requestId = '{requestEvent.RequestId}': no decision is recorded for this request; record the decision first"]);
        }

        if (history.Events.Contains(requestEvent))
        {
            outcome = RecordOutcome.AlreadyRecorded;
            return history;
        }

        List<string> problems = history.ProblemsWith(requestEvent);
        if (problems.Count > 0)
        {
            throw new RequestEventConflictException(requestEvent, problems);
        }

        outcome = RecordOutcome.Recorded;
        return new RequestHistory(history.Decision, [.. history.Events, requestEvent]);
    }

    /// <summary>Returns the request id, outcome and what happened after the decision.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        $"{RequestId}: {Decision.Outcome}; " + (IsFulfilled ? $"disclosed {DisclosedItems.Count} item(s), first at {FirstDisclosedAt}"
            : Closing is not null ? $"closed without disclosure at {Closing.At}" : "nothing disclosed");

    private List<string> ProblemsWith(RequestEvent e)
    {
        var problems = new List<string>();
        string at = e.At.ToString();
        if (!Enum.IsDefined(e.Kind) || e.Kind == RequestEventKind.Unspecified)
        {
            problems.Add($"event = '{e.Kind}': not a known event kind");
            return problems;
        }

        if (e.At < ReceivedAt)
        {
            problems.Add($"at = {at}: before the request was received ({ReceivedAt})");
        }

        switch (e.Kind)
        {
            case RequestEventKind.Acknowledged:
                if (AcknowledgedAt is Instant acknowledged)
                {
                    problems.Add($"at = {at}: the receipt was already acknowledged at {acknowledged}");
                }

                break;

            case RequestEventKind.Disclosed:
                if (e.At < Decision.DecidedAt)
                {
                    problems.Add($"at = {at}: before the decision ({Decision.DecidedAt}); nothing may be disclosed before it is permitted");
                }

                if (Closing is not null)
                {
                    problems.Add($"at = {at}: the request was closed without disclosure at {Closing.At}");
                }

                if (e.Items.Count == 0)
                {
                    problems.Add("items: none given; a disclosure hands over at least one item");
                }

                foreach (DisclosedItem item in e.Items)
                {
                    ItemResult? result = Decision.Decision.Results.FirstOrDefault(r =>
                        string.Equals(r.AccountReference, item.AccountReference, StringComparison.Ordinal) && r.Category == item.Category);
                    if (result is null)
                    {
                        problems.Add($"items = '{item}': the decision names no such item; only permitted items may be disclosed");
                    }
                    else if (result.Outcome != ItemOutcome.Permitted)
                    {
                        problems.Add($"items = '{item}': not permitted by the decision ({result.Outcome})");
                    }
                }

                break;

            case RequestEventKind.ClosedWithoutDisclosure:
                if (string.IsNullOrWhiteSpace(e.Reason))
                {
                    problems.Add("reason = '': a request is closed without disclosure for a stated reason");
                }

                if (Closing is not null)
                {
                    problems.Add($"at = {at}: the request was already closed at {Closing.At} ({Closing.Reason})");
                }

                if (FirstDisclosedAt is Instant disclosed)
                {
                    problems.Add($"at = {at}: items were already disclosed at {disclosed}; the request cannot be closed without disclosure");
                }

                break;
        }

        return problems;
    }
}
