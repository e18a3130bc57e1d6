using System.Collections.Concurrent;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>
/// The histories a lane wrote last, by request id, with the batch that wrote each: a caller adding an event to a request
/// written moments ago (a disclosure after its decision) takes it from here instead of reading it back from the store.
/// Bounded: beyond its capacity the oldest are forgotten, and their callers read the store as before.
/// </summary>
/// <remarks>Only the lane's loop adds; callers read concurrently. An entry is what this process last wrote: should another
/// process have extended the request since, the lane's checked write finds the stored event count changed and the event is
/// checked again by the store.</remarks>
internal sealed class RecentHistories(int capacity)
{
    private readonly ConcurrentDictionary<string, (RequestHistory History, long Batch)> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Add(RequestHistory history, long batch)
    {
        _byId[history.RequestId] = (history, batch);
        _order.Enqueue(history.RequestId);
        while (_order.Count > capacity && _order.TryDequeue(out string? oldest))
        {
            _byId.TryRemove(oldest, out _);
        }
    }

    public bool TryGet(string requestId, out RequestHistory history, out long batch)
    {
        bool found = _byId.TryGetValue(requestId, out (RequestHistory History, long Batch) entry);
        (history, batch) = entry;
        return found;
    }
}
