using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Records.Sql;

/// <summary>The narrow, indexed columns of one request that reports group and count, taken from its decision record.</summary>
internal sealed class RequestFacts
{
    private RequestFacts(DecisionRecord record)
    {
        Record = record;
        LegalRequest request = record.Request;
        EuMember = request.Jurisdiction.IsEuMemberStateOn(request.ReceivedOn);
        OffenceCategory[] offences = [.. request.Subjects.SelectMany(s => s.Offences).Distinct().Order()];
        Offences = offences.Length == 0 ? [OffenceCategory.Other] : offences;
        DenyReasons = CountsAsDenied(record.Outcome)
            ? [.. record.Decision.Reasons.Where(r => r.Effect == ClauseEffectKind.Deny).Select(r => r.Code).Distinct(StringComparer.Ordinal)]
            : [];
    }

    public DecisionRecord Record { get; }

    public bool EuMember { get; }

    /// <summary>The case's offence categories, each once, or <see cref="OffenceCategory.Other"/> when it names none (as the DSA report counts them).</summary>
    public IReadOnlyList<OffenceCategory> Offences { get; }

    /// <summary>The distinct codes of the deny reasons of a request the transparency report counts as denied.</summary>
    public IReadOnlyList<string> DenyReasons { get; }

    public static RequestFacts Of(DecisionRecord record) => new(record);

    // As TransparencyReportBuilder counts: any outcome but the four it names is a denial (fail closed).
    public static bool CountsAsDenied(DecisionOutcome outcome) =>
        outcome is not (DecisionOutcome.MayDisclose or DecisionOutcome.PartiallyPermitted or DecisionOutcome.PendingLegalAnalysis or DecisionOutcome.NotApplicable);
}
