using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using NodaTime;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Builds request histories the way a host records them: the decision, then, where it permitted something, the disclosure.</summary>
public static class Histories
{
    /// <summary>The decision, then every permitted item disclosed at <paramref name="disclosedAt"/> (the decision instant by default).</summary>
    public static RequestHistory DisclosingAll(DecisionRecord record, Instant? disclosedAt = null)
    {
        RequestHistory history = RequestHistory.Start(record);
        DisclosedItem[] permitted = [.. PermittedItems(record)];
        return permitted.Length == 0
            ? history
            : RequestHistory.Apply(history, RequestEvent.Disclosed(record.RequestId, disclosedAt ?? record.DecidedAt, permitted), out _);
    }

    public static RequestHistory[] DisclosingAll(IEnumerable<DecisionRecord> records) => [.. records.Select(r => DisclosingAll(r))];

    public static IEnumerable<DisclosedItem> PermittedItems(DecisionRecord record) =>
        record.Decision.Results.Where(r => r.Outcome == ItemOutcome.Permitted).Select(r => new DisclosedItem(r.AccountReference, r.Category));
}
