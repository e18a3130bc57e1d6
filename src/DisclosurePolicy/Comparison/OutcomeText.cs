using DisclosurePolicy.Evaluation;

namespace DisclosurePolicy.Comparison;

/// <summary>Words for outcomes, as a reader of a comparison expects them.</summary>
internal static class OutcomeText
{
    public static string Of(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Permitted => "may disclose",
        ItemOutcome.Denied => "deny",
        ItemOutcome.PendingLegalAnalysis => "pending legal analysis",
        ItemOutcome.NotApplicable => "not applicable",
        _ => outcome.ToString(),
    };

    /// <summary>The outcome of a request of one item with the given item outcome.</summary>
    public static DecisionOutcome OfSingleItem(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Permitted => DecisionOutcome.MayDisclose,
        ItemOutcome.PendingLegalAnalysis => DecisionOutcome.PendingLegalAnalysis,
        ItemOutcome.NotApplicable => DecisionOutcome.NotApplicable,
        _ => DecisionOutcome.Deny,
    };
}
