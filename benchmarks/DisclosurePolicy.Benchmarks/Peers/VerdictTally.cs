using DisclosurePolicy.Evaluation;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>
/// The overall outcome of a request from its item verdicts, as a host writing its own check would combine them: every
/// item permitted, may disclose; some, partially permitted; none permitted, a pending analysis first, then not applicable,
/// else deny. The same combination the library documents for its decisions.
/// </summary>
public struct VerdictTally
{
    private int _permitted;
    private int _pending;
    private int _notApplicable;
    private int _total;

    /// <summary>Counts one item's verdict.</summary>
    /// <param name="verdict">The verdict.</param>
    public void Add(ItemVerdict verdict)
    {
        _total++;
        switch (verdict)
        {
            case ItemVerdict.Permitted:
                _permitted++;
                break;
            case ItemVerdict.Pending:
                _pending++;
                break;
            case ItemVerdict.NotApplicable:
                _notApplicable++;
                break;
        }
    }

    /// <summary>Combines the counted verdicts.</summary>
    /// <returns>The request's outcome.</returns>
    public readonly DecisionOutcome Outcome() =>
        _total == 0 ? DecisionOutcome.Deny
        : _permitted == _total ? DecisionOutcome.MayDisclose
        : _permitted > 0 ? DecisionOutcome.PartiallyPermitted
        : _pending > 0 ? DecisionOutcome.PendingLegalAnalysis
        : _notApplicable > 0 ? DecisionOutcome.NotApplicable
        : DecisionOutcome.Deny;
}
