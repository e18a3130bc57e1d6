using System.Text;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>The text of a failed check: the headline, the counterexample as JSON, each decision, and what differs.</summary>
internal static class FailureText
{
    public static string Comparison(string headline, LegalRequest request, RequestComparison comparison)
    {
        var text = new StringBuilder().AppendLine(headline);
        Request(text, request);
        Decision(text, comparison.Left);
        Decision(text, comparison.Right);
        text.AppendLine("Clauses that differ:");
        string left = comparison.Left.VersionId ?? "(no version)";
        string right = comparison.Right.VersionId ?? "(no version)";
        foreach (ItemComparison item in comparison.Changes)
        {
            text.Append("  ").Append(item).AppendLine();
            foreach (Reason reason in item.Accounting)
            {
                bool onLeft = item.LeftReasons.Contains(reason);
                text.Append("    ").Append(onLeft ? left : right).Append(": ").AppendLine(Describe(reason));
            }
        }

        return text.ToString().TrimEnd();
    }

    public static string Single(string headline, LegalRequest request, Decision decision, IEnumerable<string> details)
    {
        var text = new StringBuilder().AppendLine(headline);
        foreach (string detail in details)
        {
            text.Append("  - ").AppendLine(detail);
        }

        Request(text, request);
        Decision(text, decision);
        return text.ToString().TrimEnd();
    }

    public static string Describe(Reason reason) =>
        reason.ClauseId is null
            ? $"{reason.Code}: {reason.Message}"
            : $"{reason.Code} (clause {reason.ClauseId}, \"{reason.Wording}\"): {reason.Message}";

    private static void Request(StringBuilder text, LegalRequest request) =>
        text.AppendLine("Counterexample request:").AppendLine(RequestJson.Write(request));

    private static void Decision(StringBuilder text, Decision decision)
    {
        text.Append("Decision under ").Append(decision.VersionId ?? "(no version)").Append(": ").Append(decision.Outcome).AppendLine();
        foreach (ItemResult item in decision.Results)
        {
            text.Append("  ").Append(item.AccountReference).Append(" / ").Append(item.Category).Append(": ").Append(item.Outcome).AppendLine();
        }

        foreach (Reason reason in decision.Reasons)
        {
            text.Append("  reason ").AppendLine(Describe(reason));
        }
    }
}
