namespace DisclosurePolicy.Evaluation;

/// <summary>Counts item outcomes and combines them into the decision's overall outcome.</summary>
internal struct OutcomeTally
{
    public int Permitted;
    public int Pending;
    public int NotApplicable;
    public int Total;

    public void Add(ItemOutcome outcome)
    {
        Total++;
        switch (outcome)
        {
            case ItemOutcome.Permitted:
                Permitted++;
                break;
            case ItemOutcome.PendingLegalAnalysis:
                Pending++;
                break;
            case ItemOutcome.NotApplicable:
                NotApplicable++;
                break;
        }
    }

    // Every item permitted: may disclose; some: partially. With nothing permitted, a pending analysis is the next
    // thing the host can act on; a rule that does not cover the request is reported as such; anything else is a deny.
    public readonly DecisionOutcome Combine() =>
        Total == 0 ? DecisionOutcome.Deny
        : Permitted == Total ? DecisionOutcome.MayDisclose
        : Permitted > 0 ? DecisionOutcome.PartiallyPermitted
        : Pending > 0 ? DecisionOutcome.PendingLegalAnalysis
        : NotApplicable > 0 ? DecisionOutcome.NotApplicable
        : DecisionOutcome.Deny;
}
