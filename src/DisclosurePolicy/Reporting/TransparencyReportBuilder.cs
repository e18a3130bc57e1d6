using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Reporting;

/// <summary>Builds transparency reports from decision records: per requesting country and period, the published figures and the internal breakdown.</summary>
/// <remarks>
/// <para>A record is counted in the period its <see cref="ReportingSchedule"/> gives it, from its decision instant. A
/// record given twice (the same request id) is counted once; two different decisions under one request id are refused.</para>
/// </remarks>
public static class TransparencyReportBuilder
{
    /// <summary>Builds a report.</summary>
    /// <param name="records">The records, in any order (for example a recorder's <see cref="IDecisionRecorder.Records"/>).</param>
    /// <param name="schedule">How records are grouped into periods.</param>
    /// <returns>The report, with one row per country and period that has at least one record.</returns>
    /// <exception cref="ArgumentNullException">An argument or a record is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two records under one request id are different decisions.</exception>
    public static TransparencyReport Build(IEnumerable<DecisionRecord> records, ReportingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(schedule);
        var seen = new Dictionary<string, DecisionRecord>(StringComparer.Ordinal);
        var groups = new Dictionary<(string Country, ReportingPeriod Period), List<DecisionRecord>>();
        foreach (DecisionRecord record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            if (seen.TryGetValue(record.RequestId, out DecisionRecord? first))
            {
                if (!first.IsSameDecisionAs(record))
                {
                    throw new ArgumentException(
                        $"Request '{record.RequestId}' appears twice with different decisions (they differ in {string.Join(", ", first.DifferencesFrom(record))}); a report counts each request once.",
                        nameof(records));
                }

                continue;
            }

            seen.Add(record.RequestId, record);
            var key = (record.Jurisdiction, schedule.PeriodOf(record));
            if (!groups.TryGetValue(key, out List<DecisionRecord>? group))
            {
                group = [];
                groups.Add(key, group);
            }

            group.Add(record);
        }

        IEnumerable<TransparencyReportRow> rows = groups
            .OrderBy(g => g.Key.Country, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Period.Start)
            .ThenBy(g => g.Key.Period.End)
            .ThenBy(g => g.Key.Period.Label, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Country, g.Key.Period, g.Value));
        return new TransparencyReport(schedule, rows);
    }

    private static TransparencyReportRow Row(string country, ReportingPeriod period, List<DecisionRecord> records)
    {
        int full = 0, partial = 0, pending = 0, denied = 0, notApplicable = 0;
        var users = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var instruments = new SortedDictionary<InstrumentKind, (int Received, int Fulfilled)>();
        foreach (DecisionRecord record in records)
        {
            Decision decision = record.Decision;
            switch (decision.Outcome)
            {
                case DecisionOutcome.MayDisclose:
                    full++;
                    break;
                case DecisionOutcome.PartiallyPermitted:
                    partial++;
                    break;
                case DecisionOutcome.PendingLegalAnalysis:
                    pending++;
                    break;
                case DecisionOutcome.NotApplicable:
                    notApplicable++;
                    break;
                default:
                    // Deny, and fail closed for anything else: an outcome the report does not know is never counted as fulfilled.
                    denied++;
                    foreach (string code in decision.Reasons.Where(r => r.Effect == ClauseEffectKind.Deny).Select(r => r.Code).Distinct(StringComparer.Ordinal))
                    {
                        reasons[code] = reasons.GetValueOrDefault(code) + 1;
                    }

                    break;
            }

            if (decision.IsPermitted)
            {
                foreach (ItemResult item in decision.Results)
                {
                    if (item.Outcome == ItemOutcome.Permitted)
                    {
                        users.Add(item.AccountReference);
                    }
                }
            }

            (int received, int fulfilled) = instruments.GetValueOrDefault(record.Instrument);
            instruments[record.Instrument] = (received + 1, fulfilled + (decision.IsPermitted ? 1 : 0));
        }

        return new TransparencyReportRow(
            country,
            period,
            users.Count,
            full,
            partial,
            pending,
            denied,
            notApplicable,
            reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReasonCount(r.Key, r.Value)),
            instruments.Select(i => new InstrumentCount(i.Key, i.Value.Received, i.Value.Fulfilled)));
    }
}
