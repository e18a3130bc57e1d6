using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The answer to a yes/no question about two rule versions ("is A at most as permissive as B?", "are they equivalent?"),
/// with a concrete request that shows why when the answer is no.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ComparisonVerdict
{
    internal ComparisonVerdict(
        string question,
        string leftVersionId,
        string rightVersionId,
        LegalRequest? counterexample,
        DecisionOutcome? leftOutcome,
        DecisionOutcome? rightOutcome,
        IEnumerable<RegionCondition> counterexampleClass)
    {
        Question = question;
        LeftVersionId = leftVersionId;
        RightVersionId = rightVersionId;
        Counterexample = counterexample;
        LeftOutcome = leftOutcome;
        RightOutcome = rightOutcome;
        CounterexampleClass = Array.AsReadOnly(counterexampleClass.ToArray());
    }

    /// <summary>Gets the question answered, such as <c>Is V1 at most as permissive as V2?</c>.</summary>
    public string Question { get; }

    /// <summary>Gets the id of the left version (the one the question is about).</summary>
    public string LeftVersionId { get; }

    /// <summary>Gets the id of the right version.</summary>
    public string RightVersionId { get; }

    /// <summary>Gets a value indicating whether the answer is yes.</summary>
    public bool Holds => Counterexample is null;

    /// <summary>Gets, when the answer is no, a valid request of one account and one data category that the two versions
    /// decide differently; <see langword="null"/> when the answer is yes.</summary>
    public LegalRequest? Counterexample { get; }

    /// <summary>Gets the outcome the left version gives <see cref="Counterexample"/>, when there is one.</summary>
    public DecisionOutcome? LeftOutcome { get; }

    /// <summary>Gets the outcome the right version gives <see cref="Counterexample"/>, when there is one.</summary>
    public DecisionOutcome? RightOutcome { get; }

    /// <summary>Gets, when the answer is no, the class of items the counterexample stands for: every item meeting these
    /// conditions is decided the same way. Empty when the answer is yes.</summary>
    public IReadOnlyList<RegionCondition> CounterexampleClass { get; }

    /// <summary>Returns the question, the answer and, when it is no, the counterexample's class and outcomes.</summary>
    /// <returns>The verdict in words.</returns>
    public override string ToString() =>
        Holds
            ? $"{Question} Yes."
            : $"{Question} No: {(CounterexampleClass.Count == 0 ? "for every item" : "where " + string.Join("; ", CounterexampleClass.Select(c => c.Text)))}, {LeftVersionId} gives {LeftOutcome} and {RightVersionId} gives {RightOutcome}.";
}
