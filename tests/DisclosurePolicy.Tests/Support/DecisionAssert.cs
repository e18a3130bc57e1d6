using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using Xunit;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Assertions over decisions that tests repeat: the one reason with a code, and that a reason cites the policy text.</summary>
public static class DecisionAssert
{
    /// <summary>Asserts the decision has exactly one reason with <paramref name="code"/> and returns it.</summary>
    public static Reason SingleReason(Decision decision, string code) =>
        Assert.Single(decision.Reasons, r => r.Code == code);

    /// <summary>Asserts the decision has no reason with <paramref name="code"/>.</summary>
    public static void NoReason(Decision decision, string code) =>
        Assert.DoesNotContain(decision.Reasons, r => r.Code == code);

    /// <summary>Returns the reason codes in the order the decision gives them.</summary>
    public static string[] Codes(Decision decision) => [.. decision.Reasons.Select(r => r.Code)];

    /// <summary>
    /// Asserts that the decision has exactly one reason with <paramref name="code"/>, from clause <paramref name="clauseId"/>
    /// of <paramref name="version"/>, that its wording is <paramref name="wording"/> and an exact fragment of the version's
    /// text, that it cites the version, and that the plain-text explanation quotes the wording and gives the message.
    /// </summary>
    public static Reason CitesClause(Decision decision, string code, RuleVersion version, string clauseId, string wording)
    {
        Reason reason = SingleReason(decision, code);
        Assert.Equal(clauseId, reason.ClauseId);
        Assert.Equal(wording, reason.Wording);
        Assert.Contains(wording, version.Wording, StringComparison.Ordinal);
        Assert.Equal(version.Citation, reason.Citation);
        Clause clause = Assert.Single(version.Clauses, c => c.Id == clauseId);
        Assert.StartsWith(clause.Summary, reason.Message, StringComparison.Ordinal);

        string text = decision.Explain();
        Assert.Contains($"{version.Citation}: \"{wording}\"", text, StringComparison.Ordinal);
        Assert.Contains($"{code} [", text, StringComparison.Ordinal);
        Assert.Contains(reason.Message, text, StringComparison.Ordinal);
        return reason;
    }

    /// <summary>Asserts the reason lists exactly these facts, by name and value, in order.</summary>
    public static void HasFacts(Reason reason, params (string Name, string Value)[] facts) =>
        Assert.Equal(
            facts.Select(f => new FactValue(f.Name, f.Value)),
            reason.Facts);

    /// <summary>Asserts every item of the decision has <paramref name="outcome"/>.</summary>
    public static void AllItems(Decision decision, ItemOutcome outcome)
    {
        Assert.NotEmpty(decision.Results);
        Assert.All(decision.Results, r => Assert.Equal(outcome, r.Outcome));
    }

    /// <summary>Returns the outcome for one account and category.</summary>
    public static ItemOutcome Item(Decision decision, string account, DataCategory category) =>
        Assert.Single(decision.Results, r => r.AccountReference == account && r.Category == category).Outcome;

    /// <summary>Asserts the decision carries no transparency-report obligation.</summary>
    public static void NoReport(Decision decision) =>
        Assert.DoesNotContain(decision.Obligations, o => o.Kind == ObligationKind.RecordInTransparencyReport);

    /// <summary>Asserts the decision carries exactly one transparency-report obligation and returns its entry.</summary>
    public static TransparencyReportEntry SingleReport(Decision decision)
    {
        Obligation obligation = Assert.Single(decision.Obligations, o => o.Kind == ObligationKind.RecordInTransparencyReport);
        return Assert.IsType<TransparencyReportEntry>(obligation.ReportEntry);
    }
}
