using DisclosurePolicy.Internal;
using System.Globalization;
using System.Text;
using DisclosurePolicy.Rules;
using NodaTime.Text;

namespace DisclosurePolicy.Evaluation;

/// <summary>Renders a decision as plain text for a reviewer.</summary>
internal static class DecisionText
{
    public static string Render(Decision d)
    {
        var text = new StringBuilder();
        CultureInfo inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"Request {Show(d.RequestId)}: {Describe(d.Outcome)}").AppendLine();
        text.Append(inv, $"  Rule version: {d.VersionId ?? "none"}{(d.VersionCitation is null ? string.Empty : $" ({d.VersionCitation})")}").AppendLine();
        string received = d.ReceivedOn is null ? "unknown" : IsoDates.Format(d.ReceivedOn.Value);
        text.Append(inv, $"  Jurisdiction: {Show(d.Jurisdiction)}; received {received}; decided {InstantPattern.General.Format(d.DecidedAt)}").AppendLine();

        if (d.Results.Count > 0)
        {
            text.AppendLine().AppendLine("Items:");
            int width = d.Results.Max(r => Printable.Escape(r.AccountReference).Length);
            foreach (ItemResult r in d.Results)
            {
                text.Append(inv, $"  {Printable.Escape(r.AccountReference).PadRight(width)}  {r.Category,-20} {r.Outcome}").AppendLine();
            }
        }

        text.AppendLine().AppendLine("Reasons:");
        for (int i = 0; i < d.Reasons.Count; i++)
        {
            Reason r = d.Reasons[i];
            string scope = (r.AccountReference, r.Category) switch
            {
                (null, null) => "whole request",
                (string a, null) => Printable.Escape(a),
                (null, var c) => c.ToString()!,
                (string a, var c) => $"{Printable.Escape(a)} / {c}",
            };
            text.Append(inv, $"  {i + 1}. {r.Code} [{Effect(r.Effect)}; {scope}]").AppendLine();
            if (r.Citation is not null || r.Wording is not null)
            {
                text.Append(inv, $"     {r.Citation}{(r.Wording is null ? string.Empty : $": \"{r.Wording}\"")}").AppendLine();
            }

            text.Append(inv, $"     {Printable.Escape(r.Message)}").AppendLine();
        }

        if (d.Obligations.Count > 0)
        {
            text.AppendLine().AppendLine("Obligations:");
            foreach (Obligation o in d.Obligations)
            {
                text.Append(inv, $"  - {o.Description} ({o.Citation})").AppendLine();
            }
        }

        return text.ToString();
    }

    private static string Show(string value) => value.Length == 0 ? "(none)" : Printable.Escape(value);

    private static string Effect(ClauseEffectKind kind) => kind switch
    {
        ClauseEffectKind.Permit => "permits",
        ClauseEffectKind.Pending => "pending",
        ClauseEffectKind.NotApplicable => "not applicable",
        _ => "denies",
    };

    private static string Describe(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.MayDisclose => "MAY DISCLOSE every requested item",
        DecisionOutcome.PartiallyPermitted => "PARTIALLY PERMITTED: some items may be disclosed",
        DecisionOutcome.PendingLegalAnalysis => "PENDING LEGAL ANALYSIS: nothing may be disclosed yet",
        DecisionOutcome.NotApplicable => "NOT APPLICABLE: the rule does not cover this request",
        _ => "DENY: nothing may be disclosed",
    };
}
