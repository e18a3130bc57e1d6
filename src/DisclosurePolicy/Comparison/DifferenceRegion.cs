using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// A region of the input space where two rule versions decide differently: a condition on each fact it constrains, the
/// outcome each version gives every item inside it, and how much of the space it covers.
/// </summary>
/// <remarks>
/// <para>An item is one account and one data category of a request. Every valid item whose facts meet all of
/// <see cref="Conditions"/> gets <see cref="LeftOutcome"/> from the left version and <see cref="RightOutcome"/> from the
/// right one; the regions of a <see cref="VersionDifference"/> do not overlap.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class DifferenceRegion
{
    internal DifferenceRegion(
        string leftVersionId,
        string rightVersionId,
        ItemOutcome leftOutcome,
        ItemOutcome rightOutcome,
        IEnumerable<RegionCondition> conditions,
        long classCount,
        long combinationCount,
        LegalRequest example,
        ulong[] words)
    {
        LeftVersionId = leftVersionId;
        RightVersionId = rightVersionId;
        LeftOutcome = leftOutcome;
        RightOutcome = rightOutcome;
        Conditions = Array.AsReadOnly(conditions.ToArray());
        ClassCount = classCount;
        CombinationCount = combinationCount;
        Example = example;
        Words = words;
        Where = Conditions.Count == 0 ? "every item" : string.Join("; ", Conditions.Select(c => c.Text));
        Description = $"{Where}: {LeftVersionId} {OutcomeText.Of(LeftOutcome)}, {RightVersionId} {OutcomeText.Of(RightOutcome)}";
    }

    /// <summary>Gets the id of the left version.</summary>
    public string LeftVersionId { get; }

    /// <summary>Gets the id of the right version.</summary>
    public string RightVersionId { get; }

    /// <summary>Gets the outcome the left version gives every item of the region.</summary>
    public ItemOutcome LeftOutcome { get; }

    /// <summary>Gets the outcome the right version gives every item of the region.</summary>
    public ItemOutcome RightOutcome { get; }

    /// <summary>Gets a value indicating whether the right version permits what the left one does not.</summary>
    public bool Widens => RightOutcome == ItemOutcome.Permitted;

    /// <summary>Gets a value indicating whether the left version permits what the right one does not.</summary>
    public bool Narrows => LeftOutcome == ItemOutcome.Permitted;

    /// <summary>Gets the condition on each fact the region constrains, in fact order; facts not listed may take any value.</summary>
    public IReadOnlyList<RegionCondition> Conditions { get; }

    /// <summary>Gets the conditions in words, joined by semicolons, or <c>every item</c>.</summary>
    public string Where { get; }

    /// <summary>Gets the region in words with both outcomes, such as
    /// <c>...; legal analysis is Passed: V1 deny, V2 may disclose</c>.</summary>
    public string Description { get; }

    /// <summary>Gets how many classes of items the region covers.</summary>
    public long ClassCount { get; }

    /// <summary>Gets how many combinations of fact values the region covers (each receipt-date class counts once).</summary>
    public long CombinationCount { get; }

    /// <summary>Gets a valid request of one account and one data category inside the region.</summary>
    public LegalRequest Example { get; }

    internal ulong[] Words { get; }

    /// <summary>Returns the region in words.</summary>
    /// <returns><see cref="Description"/>.</returns>
    public override string ToString() => Description;
}
