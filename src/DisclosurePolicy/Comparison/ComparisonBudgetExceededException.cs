using System.Globalization;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// Thrown when an exact comparison of two versions would decide more classes of items than its budget allows, before any
/// of them is decided: the answer would take too long, so none is given rather than minutes of silence.
/// </summary>
/// <remarks><para>Raise the budget with the <c>maxClasses</c> argument of
/// <see cref="VersionComparer.Compare(Rules.RuleVersion, Rules.RuleVersion, Rules.Condition?, long)"/>, or narrow the
/// comparison with a scope. The class count is the product of the classes of every fact, an upper bound of the
/// classes decided.</para></remarks>
public sealed class ComparisonBudgetExceededException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="ComparisonBudgetExceededException"/> class.</summary>
    /// <param name="left">The id of the version compared from.</param>
    /// <param name="right">The id of the version compared to.</param>
    /// <param name="classes">How many classes of items an exact answer needs.</param>
    /// <param name="budget">The most classes the comparison was allowed.</param>
    public ComparisonBudgetExceededException(string left, string right, long classes, long budget)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Comparing {left} with {right} exactly needs {classes:N0} classes of items, over the budget of {budget:N0}; raise the budget (maxClasses, or --max-classes on the command line) or narrow the comparison with a scope."))
    {
        Classes = classes;
        Budget = budget;
    }

    /// <summary>Gets how many classes of items an exact answer needs.</summary>
    public long Classes { get; }

    /// <summary>Gets the most classes the comparison was allowed.</summary>
    public long Budget { get; }
}
