using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// One fact of a request's life, with its instant: decided, acknowledged to the authority, items disclosed, or closed
/// without disclosure.
/// </summary>
/// <remarks>
/// <para>Shaped as a row a store can keep: request id, <see cref="Kind"/>, <see cref="At"/>, the <see cref="Items"/>
/// of a disclosure and the <see cref="Reason"/> of a closing; a decided event carries its whole
/// <see cref="DecisionRecord"/>. Events are appended, never rewritten; whether an event fits the history already
/// recorded is decided by <see cref="RequestHistory.Apply"/>, the one validator every recorder and reader uses.</para>
/// <para><b>The same event.</b> Two events are the same when request id, kind, instant, items (as a set), reason and
/// decision are equal; for a decided event, the decision compares as <see cref="DecisionRecord.IsSameDecisionAs"/> does
/// (its decision instant aside), so a retried decision is not refused. Recording the same event again changes
/// nothing.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RequestEvent : IEquatable<RequestEvent>
{
    private RequestEvent(string requestId, RequestEventKind kind, Instant at, IReadOnlyList<DisclosedItem> items, string? reason, DecisionRecord? decision)
    {
        RequestId = requestId;
        Kind = kind;
        At = at;
        Items = items;
        Reason = reason;
        Decision = decision;
    }

    /// <summary>Gets the id of the request the event belongs to (compared ordinally).</summary>
    public string RequestId { get; }

    /// <summary>Gets what happened.</summary>
    public RequestEventKind Kind { get; }

    /// <summary>Gets the instant it happened; for a decided event, the decision's instant.</summary>
    public Instant At { get; }

    /// <summary>Gets the items handed over, by account (ordinal) then category, without repeats; empty unless <see cref="Kind"/> is <see cref="RequestEventKind.Disclosed"/>.</summary>
    public IReadOnlyList<DisclosedItem> Items { get; }

    /// <summary>Gets why the request was closed without disclosure; <see langword="null"/> for other kinds.</summary>
    public string? Reason { get; }

    /// <summary>Gets the decision record of a decided event; <see langword="null"/> for other kinds.</summary>
    public DecisionRecord? Decision { get; }

    /// <summary>Returns the event of a decision.</summary>
    /// <param name="record">The decision record.</param>
    /// <returns>The event, at the decision's instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static RequestEvent Decided(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.RequestId, RequestEventKind.Decided, record.DecidedAt, [], null, record);
    }

    /// <summary>Returns the event of informing the issuing authority that the request was received.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="at">When the authority was informed.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    public static RequestEvent Acknowledged(string requestId, Instant at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return new(requestId, RequestEventKind.Acknowledged, at, [], null, null);
    }

    /// <summary>Returns the event of handing items over.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="at">When the items were handed over.</param>
    /// <param name="items">The items handed over; repeats count once. Whether they were permitted is checked when the event is recorded.</param>
    /// <returns>The event, its items sorted by account (ordinal) then category.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/>, <paramref name="items"/> or an item is <see langword="null"/>.</exception>
    public static RequestEvent Disclosed(string requestId, Instant at, IEnumerable<DisclosedItem> items)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(items);
        var set = new List<DisclosedItem>();
        foreach (DisclosedItem item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (!set.Contains(item))
            {
                set.Add(item);
            }
        }

        set.Sort(DisclosedItem.Compare);
        return new(requestId, RequestEventKind.Disclosed, at, set.AsReadOnly(), null, null);
    }

    /// <summary>Returns the event of closing a request without any disclosure.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="at">When the request was closed.</param>
    /// <param name="reason">Why, in words (for example <c>the authority withdrew the order</c>); checked when the event is recorded.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    public static RequestEvent ClosedWithoutDisclosure(string requestId, Instant at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(reason);
        return new(requestId, RequestEventKind.ClosedWithoutDisclosure, at, [], reason, null);
    }

    /// <summary>Returns whether another event is the same event (see remarks of <see cref="RequestEvent"/>).</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when recording <paramref name="other"/> after this one would change nothing.</returns>
    public bool Equals(RequestEvent? other) =>
        other is not null
        && string.Equals(RequestId, other.RequestId, StringComparison.Ordinal)
        && Kind == other.Kind
        && (Kind == RequestEventKind.Decided ? Decision!.IsSameDecisionAs(other.Decision!) : At == other.At)
        && Sequences.Equal(Items, other.Items)
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RequestEvent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(RequestId), Kind, Items.Count);

    /// <summary>Returns the request id, the kind, the instant and the items or reason.</summary>
    /// <returns>For example <c>DE-1 Disclosed at 2023-04-10T09:00:00Z: user:1:IpAddress</c>.</returns>
    public override string ToString() => Kind switch
    {
        RequestEventKind.Disclosed => $"{RequestId} {Kind} at {At}: {string.Join(", ", Items)}",
        RequestEventKind.ClosedWithoutDisclosure => $"{RequestId} {Kind} at {At}: {Reason}",
        _ => $"{RequestId} {Kind} at {At}",
    };
}
