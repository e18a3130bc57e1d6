using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Cli;

/// <summary>Shows decisions: the library's plain-text explanation with its headline coloured by outcome, and a short
/// outcome-and-reason cell for tables.</summary>
internal static class DecisionView
{
    /// <summary>Writes a decision's full explanation.</summary>
    public static void Explain(Screen screen, Decision decision)
    {
        string text = decision.Explain();
        int firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        string headline = firstBreak < 0 ? text : text[..firstBreak].TrimEnd('\r');
        screen.Line(headline, Style(decision.Outcome));
        if (firstBreak >= 0)
        {
            screen.Text(text[(firstBreak + 1)..]);
        }
    }

    /// <summary>The outcome and the reason code that decided it, for a table cell.</summary>
    public static string Summary(Decision decision)
    {
        ClauseEffectKind deciding = decision.Outcome switch
        {
            DecisionOutcome.MayDisclose => ClauseEffectKind.Permit,
            DecisionOutcome.PendingLegalAnalysis => ClauseEffectKind.Pending,
            DecisionOutcome.NotApplicable => ClauseEffectKind.NotApplicable,
            _ => ClauseEffectKind.Deny,
        };
        Reason? reason = decision.Reasons.FirstOrDefault(r => r.Effect == deciding) ?? (decision.Reasons.Count > 0 ? decision.Reasons[0] : null);
        return reason is null ? decision.Outcome.ToString() : $"{decision.Outcome}{Environment.NewLine}{reason.Code}";
    }

    /// <summary>The colour of an outcome on a terminal.</summary>
    public static string Style(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.MayDisclose => "bold green",
        DecisionOutcome.PartiallyPermitted => "bold yellow",
        DecisionOutcome.PendingLegalAnalysis => "bold blue",
        DecisionOutcome.NotApplicable => "bold grey",
        _ => "bold red",
    };
}
