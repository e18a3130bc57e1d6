using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Testing.Internal;

namespace DisclosurePolicy.Testing;

/// <summary>The result of running one <see cref="DecisionCase"/>: the decision, and every way it differs from the expectation.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class CaseResult
{
    internal CaseResult(DecisionCase @case, Decision decision, IEnumerable<string> mismatches)
    {
        Case = @case;
        Decision = decision;
        Mismatches = Array.AsReadOnly(mismatches.ToArray());
    }

    /// <summary>Gets the case.</summary>
    public DecisionCase Case { get; }

    /// <summary>Gets the decision the case got.</summary>
    public Decision Decision { get; }

    /// <summary>Gets every way the decision differs from the expectation, in words; empty when the case passes.</summary>
    public IReadOnlyList<string> Mismatches { get; }

    /// <summary>Gets a value indicating whether the decision met the expectation.</summary>
    public bool Passed => Mismatches.Count == 0;

    /// <summary>Gets the readable failure (the mismatches, the request as JSON and the decision), or an empty string when the case passed.</summary>
    public string FailureMessage => Passed
        ? string.Empty
        : FailureText.Single($"Case '{Case.Name}' under {Decision.VersionId ?? "no version"} is not decided as expected:", Case.Request, Decision, Mismatches);

    /// <summary>Returns the result on one line.</summary>
    /// <returns>For example <c>PASS  German terror case (V2 MayDisclose)</c>.</returns>
    public override string ToString() =>
        $"{(Passed ? "PASS" : "FAIL")}  {Case.Name} ({Decision.VersionId ?? "no version"} {Decision.Outcome})";
}
