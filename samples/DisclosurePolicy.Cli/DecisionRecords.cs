using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary>Turns the program's decisions into the library's decision records.</summary>
internal static class DecisionRecords
{
    /// <summary>The record of a decision, pinned to the version that made it, or <see langword="null"/> after logging in
    /// plain words why the decision cannot be recorded. A request file carries only the receipt date, so the receipt
    /// instant is the start of that day in UTC.</summary>
    public static DecisionRecord? TryCreate(SourcedRequest request, Decision decision, Policy policy, ProblemLog problems)
    {
        DecisionRecord? record = DecisionRecord.TryCreate(
            request.Request,
            request.Request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            decision,
            decision.VersionId is null ? null : policy.FindVersion(decision.VersionId),
            out string? problem);
        if (problem is not null)
        {
            problems.Add(request.Source, problem);
        }

        return record;
    }
}
