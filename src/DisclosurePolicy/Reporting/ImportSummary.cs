namespace DisclosurePolicy.Reporting;

/// <summary>What an import of histories into a recorder did: the requests read and the events new or already stored.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ImportSummary
{
    /// <summary>Initializes a new instance of the <see cref="ImportSummary"/> class.</summary>
    /// <param name="requests">The histories read.</param>
    /// <param name="recordedEvents">The events stored by the import, decisions included.</param>
    /// <param name="alreadyRecordedEvents">The events that were already stored.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public ImportSummary(long requests, long recordedEvents, long alreadyRecordedEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfNegative(recordedEvents);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyRecordedEvents);
        Requests = requests;
        RecordedEvents = recordedEvents;
        AlreadyRecordedEvents = alreadyRecordedEvents;
    }

    /// <summary>Gets the number of histories read.</summary>
    public long Requests { get; }

    /// <summary>Gets the number of events the import stored, decisions included.</summary>
    public long RecordedEvents { get; }

    /// <summary>Gets the number of events that were already stored and left as they were.</summary>
    public long AlreadyRecordedEvents { get; }

    /// <summary>Returns the three counts.</summary>
    /// <returns>For example <c>12 request(s): 30 event(s) recorded, 4 already there</c>.</returns>
    public override string ToString() => $"{Requests} request(s): {RecordedEvents} event(s) recorded, {AlreadyRecordedEvents} already there";
}
