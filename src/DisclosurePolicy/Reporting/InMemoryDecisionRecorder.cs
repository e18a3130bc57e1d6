namespace DisclosurePolicy.Reporting;

/// <summary>An <see cref="IDecisionRecorder"/> that keeps records in memory, for tests, replays and hosts with their own persistence.</summary>
/// <remarks><para>Safe to use from several threads; holds no static state.</para></remarks>
public sealed class InMemoryDecisionRecorder : IDecisionRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DecisionRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<DecisionRecord> _inOrder = [];

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
                return _inOrder.ToArray().AsReadOnly();
            }
        }
    }

    /// <inheritdoc/>
    public RecordOutcome Record(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_byId.TryGetValue(record.RequestId, out DecisionRecord? existing))
            {
                return existing.IsSameDecisionAs(record) ? RecordOutcome.AlreadyRecorded : throw new RecordConflictException(existing, record);
            }

            _byId.Add(record.RequestId, record);
            _inOrder.Add(record);
            return RecordOutcome.Recorded;
        }
    }

    /// <inheritdoc/>
    public DecisionRecord? Find(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            return _byId.GetValueOrDefault(requestId);
        }
    }
}
