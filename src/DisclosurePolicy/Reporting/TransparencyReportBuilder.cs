using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Reporting;

// The counting behind TransparencyReport.Build, whose documentation says what is counted and where.
internal static class TransparencyReportBuilder
{
    internal static TransparencyReport Build(IEnumerable<RequestHistory> histories, ReportingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(schedule);
        var seen = new Dictionary<string, RequestHistory>(StringComparer.Ordinal);
        var groups = new Dictionary<(string Country, ReportingPeriod Period), List<RequestHistory>>();
        foreach (RequestHistory history in histories)
        {
            ArgumentNullException.ThrowIfNull(history, nameof(histories));
            if (seen.TryGetValue(history.RequestId, out RequestHistory? first))
            {
                if (!first.Events.SequenceEqual(history.Events))
                {
                    throw new ArgumentException(
                        $"Request '{history.RequestId}' appears twice with different histories; a report counts each request once.",
                        nameof(histories));
                }

                continue;
            }

            seen.Add(history.RequestId, history);
            var key = (history.Decision.Jurisdiction, schedule.PeriodOf(history));
            if (!groups.TryGetValue(key, out List<RequestHistory>? group))
            {
                group = [];
                groups.Add(key, group);
            }

            group.Add(history);
        }

        IEnumerable<TransparencyReportRow> rows = groups
            .OrderBy(g => g.Key.Country, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Period.Start)
            .ThenBy(g => g.Key.Period.End)
            .ThenBy(g => g.Key.Period.Label, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Country, g.Key.Period, g.Value));
        return new TransparencyReport(schedule, rows);
    }

    private static TransparencyReportRow Row(string country, ReportingPeriod period, List<RequestHistory> histories)
    {
        int full = 0, partial = 0, pending = 0, denied = 0, notApplicable = 0, fulfilled = 0, undisclosed = 0;
        var users = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var instruments = new SortedDictionary<InstrumentKind, (int Received, int Fulfilled)>();
        foreach (RequestHistory history in histories)
        {
            DecisionRecord record = history.Decision;
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

            // The validator keeps disclosed items within the permitted ones, so only permitted requests get here.
            if (history.IsFulfilled)
            {
                fulfilled++;
                users.UnionWith(history.AffectedAccounts);
            }
            else if (history.IsPermittedButNotDisclosed)
            {
                undisclosed++;
            }

            (int received, int done) = instruments.GetValueOrDefault(record.Instrument);
            instruments[record.Instrument] = (received + 1, done + (history.IsFulfilled ? 1 : 0));
        }

        return new TransparencyReportRow(
            country,
            period,
            fulfilled,
            users.Count,
            undisclosed,
            full,
            partial,
            pending,
            denied,
            notApplicable,
            reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReasonCount(r.Key, r.Value)),
            instruments.Select(i => new InstrumentCount(i.Key, i.Value.Received, i.Value.Fulfilled)));
    }
}
