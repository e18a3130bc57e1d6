using System.Globalization;
using System.Text;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// One request decided under two versions, side by side: both explained decisions and, for each account and data
/// category, what changed and which clauses account for the change.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class RequestComparison
{
    private RequestComparison(Decision left, Decision right, ItemComparison[] items)
    {
        Left = left;
        Right = right;
        Items = Array.AsReadOnly(items);
        Changes = Array.AsReadOnly(items.Where(i => i.IsChanged).ToArray());
    }

    /// <summary>Gets the decision under the left version.</summary>
    public Decision Left { get; }

    /// <summary>Gets the decision under the right version.</summary>
    public Decision Right { get; }

    /// <summary>Gets every item (account and data category), in request order.</summary>
    public IReadOnlyList<ItemComparison> Items { get; }

    /// <summary>Gets the items whose outcome changed.</summary>
    public IReadOnlyList<ItemComparison> Changes { get; }

    /// <summary>Gets a value indicating whether the overall outcome changed.</summary>
    public bool OutcomeChanged => Left.Outcome != Right.Outcome;

    /// <summary>Gets a value indicating whether the overall outcome or any item's outcome changed.</summary>
    public bool HasChanges => OutcomeChanged || Changes.Count > 0;

    /// <summary>Compares two decisions on the same request, such as a stored decision and a new one.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The decisions are not about the same request and items.</exception>
    public static RequestComparison Between(Decision left, Decision right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        bool same = string.Equals(left.RequestId, right.RequestId, StringComparison.Ordinal)
            && left.Results.Count == right.Results.Count
            && left.Results.Zip(right.Results).All(p =>
                string.Equals(p.First.AccountReference, p.Second.AccountReference, StringComparison.Ordinal) && p.First.Category == p.Second.Category);
        if (!same)
        {
            throw new ArgumentException(
                $"The decisions are not about the same request and items ({left.RequestId}: {left.Results.Count} item(s); {right.RequestId}: {right.Results.Count} item(s)).",
                nameof(right));
        }

        var items = new ItemComparison[left.Results.Count];
        for (int i = 0; i < items.Length; i++)
        {
            ItemResult l = left.Results[i];
            ItemResult r = right.Results[i];
            items[i] = new ItemComparison(l.AccountReference, l.Category, l.Outcome, r.Outcome, Deciding(left, l), Deciding(right, r));
        }

        return new RequestComparison(left, right, items);
    }

    /// <summary>Renders the comparison as plain text: both outcomes, then each item with what decided it on each side.</summary>
    /// <returns>The text.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        string left = Left.VersionId ?? "(no version)";
        string right = Right.VersionId ?? "(no version)";
        text.Append(CultureInfo.InvariantCulture, $"Request {Printable.Escape(Left.RequestId)}: {left} {Left.Outcome} -> {right} {Right.Outcome}")
            .Append(OutcomeChanged ? string.Empty : " (unchanged)")
            .AppendLine();
        foreach (ItemComparison item in Items)
        {
            text.Append("- ").Append(item).AppendLine();
            if (!item.IsChanged)
            {
                continue;
            }

            foreach (Reason reason in item.LeftReasons)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {left}: {Describe(reason)}").AppendLine();
            }

            foreach (Reason reason in item.RightReasons)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {right}: {Describe(reason)}").AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the request and both outcomes.</summary>
    /// <returns>A one-line summary; see <see cref="Explain"/>.</returns>
    public override string ToString() =>
        $"{Printable.Escape(Left.RequestId)}: {Left.VersionId} {Left.Outcome} -> {Right.VersionId} {Right.Outcome}, {Changes.Count} item(s) changed";

    // The reasons of the item's winning effect that concern the whole order, its account, or the item itself.
    private static Reason[] Deciding(Decision decision, ItemResult item)
    {
        ClauseEffectKind kind = item.Outcome switch
        {
            ItemOutcome.Permitted => ClauseEffectKind.Permit,
            ItemOutcome.PendingLegalAnalysis => ClauseEffectKind.Pending,
            ItemOutcome.NotApplicable => ClauseEffectKind.NotApplicable,
            _ => ClauseEffectKind.Deny,
        };
        return [.. decision.Reasons.Where(r =>
            r.Effect == kind
            && (r.AccountReference is null || string.Equals(r.AccountReference, item.AccountReference, StringComparison.Ordinal))
            && (r.Category is null || r.Category == item.Category))];
    }

    private static string Describe(Reason reason) =>
        reason.ClauseId is null ? $"{reason.Code}: {reason.Message}" : $"{reason.Code} ({reason.ClauseId}, \"{reason.Wording}\"): {reason.Message}";
}
