namespace DisclosurePolicy.Reporting;

/// <summary>An <see cref="IDecisionRecorder"/> that keeps records and events in memory, for tests, replays and hosts with their own persistence.</summary>
/// <remarks><para>Safe to use from several threads; holds no static state.</para></remarks>
public sealed class InMemoryDecisionRecorder : IDecisionRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RequestHistory> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _inOrder = [];

    /// <summary>Initializes a new instance of the <see cref="InMemoryDecisionRecorder"/> class, empty.</summary>
    public InMemoryDecisionRecorder()
    {
    }

    /// <inheritdoc/>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _inOrder.Count;
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<DecisionRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _inOrder.Select(id => _byId[id].Decision).ToArray().AsReadOnly();
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RequestHistory> Histories
    {
        get
        {
            lock (_gate)
            {
                return _inOrder.Select(id => _byId[id]).ToArray().AsReadOnly();
            }
        }
    }

    /// <inheritdoc/>
    public RecordOutcome Record(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Append(RequestEvent.Decided(record));
    }

    /// <inheritdoc/>
    public RecordOutcome Append(RequestEvent requestEvent)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        lock (_gate)
        {
            RequestHistory? existing = _byId.GetValueOrDefault(requestEvent.RequestId);
            RequestHistory next = RequestHistory.Apply(existing, requestEvent, out RecordOutcome outcome);
            if (outcome == RecordOutcome.Recorded)
            {
                if (existing is null)
                {
                    _inOrder.Add(requestEvent.RequestId);
                }

                _byId[requestEvent.RequestId] = next;
            }

            return outcome;
        }
    }

    /// <inheritdoc/>
    public DecisionRecord? Find(string requestId) => FindHistory(requestId)?.Decision;

    /// <inheritdoc/>
    public RequestHistory? FindHistory(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            return _byId.GetValueOrDefault(requestId);
        }
    }
}
