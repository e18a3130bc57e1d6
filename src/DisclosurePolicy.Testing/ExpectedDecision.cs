using DisclosurePolicy.Evaluation;

namespace DisclosurePolicy.Testing;

/// <summary>
/// What a decision is expected to say: its outcome, the outcome of some of its items, and reason codes that must appear
/// among its reasons. Each part is optional; what is not given is not checked.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ExpectedDecision
{
    /// <summary>Initializes a new instance of the <see cref="ExpectedDecision"/> class.</summary>
    /// <param name="outcome">The expected overall outcome, or <see langword="null"/> not to check it.</param>
    /// <param name="items">Items (account, data category, outcome) the decision must contain with these outcomes; items not
    /// listed are not checked. <see langword="null"/> for none.</param>
    /// <param name="reasonCodes">Reason codes that must appear among the decision's reasons (others may appear too);
    /// <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">An item or reason code is <see langword="null"/>, or a code is blank.</exception>
    public ExpectedDecision(DecisionOutcome? outcome, IEnumerable<ItemResult>? items, IEnumerable<string>? reasonCodes)
    {
        Outcome = outcome;
        Items = Array.AsReadOnly((items ?? []).ToArray());
        ReasonCodes = Array.AsReadOnly((reasonCodes ?? []).ToArray());
        if (Items.Any(i => i is null) || ReasonCodes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Expected items and reason codes must not be null or blank.", nameof(items));
        }
    }

    /// <summary>Gets the expected overall outcome, or <see langword="null"/> when it is not checked.</summary>
    public DecisionOutcome? Outcome { get; }

    /// <summary>Gets the items whose outcomes are checked.</summary>
    public IReadOnlyList<ItemResult> Items { get; }

    /// <summary>Gets the reason codes that must appear.</summary>
    public IReadOnlyList<string> ReasonCodes { get; }

    /// <summary>Expects an overall outcome only.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The expectation.</returns>
    public static ExpectedDecision Of(DecisionOutcome outcome) => new(outcome, null, null);

    /// <summary>Expects everything a decision says: its outcome, every item and every reason code, as a regression test
    /// that the decision still holds.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The expectation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is <see langword="null"/>.</exception>
    public static ExpectedDecision Of(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.Outcome, decision.Results, decision.Reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal));
    }

    /// <summary>Lists every way a decision differs from the expectation, in words; empty when it meets it.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The mismatches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> Mismatches(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var found = new List<string>();
        if (Outcome is DecisionOutcome outcome && decision.Outcome != outcome)
        {
            found.Add($"outcome: expected {outcome}, got {decision.Outcome}");
        }

        foreach (ItemResult item in Items)
        {
            ItemResult? actual = decision.Results.FirstOrDefault(r =>
                string.Equals(r.AccountReference, item.AccountReference, StringComparison.Ordinal) && r.Category == item.Category);
            if (actual is null)
            {
                found.Add($"item {item.AccountReference} / {item.Category}: expected {item.Outcome}, but the decision has no such item");
            }
            else if (actual.Outcome != item.Outcome)
            {
                found.Add($"item {item.AccountReference} / {item.Category}: expected {item.Outcome}, got {actual.Outcome}");
            }
        }

        string[] codes = [.. decision.Reasons.Select(r => r.Code)];
        foreach (string code in ReasonCodes.Where(c => !codes.Contains(c, StringComparer.Ordinal)))
        {
            found.Add($"reason code {code}: expected among the reasons, absent (present: {(codes.Length == 0 ? "none" : string.Join(", ", codes.Distinct(StringComparer.Ordinal)))})");
        }

        return found;
    }
}
