using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// How one item of a request (one account and one data category) fares under two versions: both outcomes, the reasons
/// that decided each, and, when the outcome changed, the reasons that account for the change.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ItemComparison
{
    internal ItemComparison(
        string accountReference,
        DataCategory category,
        ItemOutcome leftOutcome,
        ItemOutcome rightOutcome,
        IEnumerable<Reason> leftReasons,
        IEnumerable<Reason> rightReasons)
    {
        AccountReference = accountReference;
        Category = category;
        LeftOutcome = leftOutcome;
        RightOutcome = rightOutcome;
        LeftReasons = Array.AsReadOnly(leftReasons.ToArray());
        RightReasons = Array.AsReadOnly(rightReasons.ToArray());
        if (!IsChanged)
        {
            Accounting = [];
            return;
        }

        // What changed: the reasons deciding on one side whose code does not decide on the other.
        HashSet<string> leftCodes = [.. LeftReasons.Select(r => r.Code)];
        HashSet<string> rightCodes = [.. RightReasons.Select(r => r.Code)];
        Reason[] accounting = [.. LeftReasons.Where(r => !rightCodes.Contains(r.Code)), .. RightReasons.Where(r => !leftCodes.Contains(r.Code))];
        Accounting = Array.AsReadOnly(accounting.Length > 0 ? accounting : [.. LeftReasons, .. RightReasons]);
    }

    /// <summary>Gets the account as the order names it.</summary>
    public string AccountReference { get; }

    /// <summary>Gets the data category.</summary>
    public DataCategory Category { get; }

    /// <summary>Gets the outcome under the left version.</summary>
    public ItemOutcome LeftOutcome { get; }

    /// <summary>Gets the outcome under the right version.</summary>
    public ItemOutcome RightOutcome { get; }

    /// <summary>Gets a value indicating whether the two outcomes differ.</summary>
    public bool IsChanged => LeftOutcome != RightOutcome;

    /// <summary>Gets the reasons that decided the item under the left version: those of its outcome's effect that concern
    /// the whole order, the item's account, or the item itself.</summary>
    public IReadOnlyList<Reason> LeftReasons { get; }

    /// <summary>Gets the reasons that decided the item under the right version.</summary>
    public IReadOnlyList<Reason> RightReasons { get; }

    /// <summary>Gets, when the outcome changed, the deciding reasons of either side whose code does not decide the other
    /// side (for example the 2018 <c>NotTerrorSuspect</c> and the 2024 <c>JudicialOrderConfirmsTosCriminalSuspect</c>);
    /// empty when unchanged.</summary>
    public IReadOnlyList<Reason> Accounting { get; }

    /// <summary>Returns the item and both outcomes.</summary>
    /// <returns>For example <c>user:1 / IpAddress: Denied -> Permitted</c>.</returns>
    public override string ToString() =>
        IsChanged ? $"{Printable.Escape(AccountReference)} / {Category}: {LeftOutcome} -> {RightOutcome}" : $"{Printable.Escape(AccountReference)} / {Category}: {LeftOutcome} (unchanged)";
}
