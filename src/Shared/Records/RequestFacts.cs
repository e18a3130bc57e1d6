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
        OffenceMask = Offences.Aggregate(0L, (mask, offence) => mask | (1L << (int)offence));
        DenyReasons = CountsAsDenied(record.Outcome)
            ? [.. record.Decision.Reasons.Where(r => r.Effect == ClauseEffectKind.Deny).Select(r => r.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
    }

    public DecisionRecord Record { get; }

    public bool EuMember { get; }

    /// <summary>The case's offence categories, each once, or <see cref="OffenceCategory.Other"/> when it names none (as the DSA report counts them).</summary>
    public IReadOnlyList<OffenceCategory> Offences { get; }

    /// <summary>The <see cref="Offences"/> as one bit per category (bit n for the category numbered n): the request row's
    /// <c>offences</c> column, which the DSA report groups by instead of joining a row per offence.</summary>
    public long OffenceMask { get; }

    /// <summary>The distinct codes of the deny reasons of a request the transparency report counts as denied, in ordinal order.</summary>
    public IReadOnlyList<string> DenyReasons { get; }

    public static RequestFacts Of(DecisionRecord record) => new(record);

    // As TransparencyReportBuilder counts: any outcome but the four it names is a denial (fail closed).
    public static bool CountsAsDenied(DecisionOutcome outcome) =>
        outcome is not (DecisionOutcome.MayDisclose or DecisionOutcome.PartiallyPermitted or DecisionOutcome.PendingLegalAnalysis or DecisionOutcome.NotApplicable);
}
