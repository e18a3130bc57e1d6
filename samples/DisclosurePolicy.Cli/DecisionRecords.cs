using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary>Turns the program's decisions into the library's decision records.</summary>
internal static class DecisionRecords
{
    /// <summary>The record of a decision, pinned to the version that made it. A request file carries only the receipt date,
    /// so the receipt instant is the start of that day in UTC.</summary>
    /// <exception cref="ArgumentException">The decision cannot be recorded (for example, a receipt date after the decision).</exception>
    public static DecisionRecord Create(LegalRequest request, Decision decision, Policy policy) => DecisionRecord.Create(
        request,
        request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        decision,
        decision.VersionId is null ? null : policy.FindVersion(decision.VersionId));

    /// <summary>The record of a decision, or <see langword="null"/> after logging why the decision cannot be recorded.</summary>
    public static DecisionRecord? TryCreate(SourcedRequest request, Decision decision, Policy policy, ProblemLog problems)
    {
        try
        {
            return Create(request.Request, decision, policy);
        }
        catch (ArgumentException ex)
        {
            problems.Add(request.Source, ex.Message);
            return null;
        }
    }
}
