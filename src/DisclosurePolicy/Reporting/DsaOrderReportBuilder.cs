using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Reporting;

// The counting behind DsaOrderReport.Build, whose documentation says what is counted and where.
internal static class DsaOrderReportBuilder
{
    internal static DsaOrderReport Build(IEnumerable<RequestHistory> histories, ReportingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(schedule);
        var groups = new Dictionary<(string State, ReportingPeriod Period, OffenceCategory Offence), List<RequestHistory>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (RequestHistory history in histories)
        {
            ArgumentNullException.ThrowIfNull(history, nameof(histories));
            LegalRequest request = history.Decision.Request;
            if (!seen.Add(history.RequestId) || !request.Jurisdiction.IsEuMemberStateOn(request.ReceivedOn))
            {
                continue;
            }

            ReportingPeriod period = schedule.PeriodOf(history.ReceivedAt.InZone(schedule.Zone).Date, ReportingCadence.None);
            OffenceCategory[] offences = [.. request.Subjects.SelectMany(s => s.Offences).Distinct().Order()];
            foreach (OffenceCategory offence in offences.Length == 0 ? [OffenceCategory.Other] : offences)
            {
                var key = (request.Jurisdiction.Code, period, offence);
                if (!groups.TryGetValue(key, out List<RequestHistory>? group))
                {
                    group = [];
                    groups.Add(key, group);
                }

                group.Add(history);
            }
        }

        return new DsaOrderReport(schedule, groups
            .OrderBy(g => g.Key.State, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Period.Start)
            .ThenBy(g => g.Key.Offence)
            .Select(g => Row(g.Key.State, g.Key.Period, g.Key.Offence, g.Value)));
    }

    internal static Duration? Median(List<Duration> durations)
    {
        if (durations.Count == 0)
        {
            return null;
        }

        durations.Sort();
        int middle = durations.Count / 2;
        return durations.Count % 2 == 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
    }

    private static DsaOrderReportRow Row(string state, ReportingPeriod period, OffenceCategory offence, List<RequestHistory> histories)
    {
        var toAcknowledge = new List<Duration>();
        var toEffect = new List<Duration>();
        int refused = 0, closed = 0;
        foreach (RequestHistory history in histories)
        {
            if (history.AcknowledgedAt is Instant acknowledged)
            {
                toAcknowledge.Add(acknowledged - history.ReceivedAt);
            }

            if (history.FirstDisclosedAt is Instant disclosed)
            {
                toEffect.Add(disclosed - history.ReceivedAt);
            }
            else if (!history.Decision.Decision.IsPermitted && history.Decision.Outcome != DecisionOutcome.PendingLegalAnalysis)
            {
                refused++;
            }
            else if (history.Closing is not null)
            {
                closed++;
            }
        }

        return new DsaOrderReportRow(state, period, offence, histories.Count, toAcknowledge.Count, Median(toAcknowledge), toEffect.Count, Median(toEffect), refused, closed);
    }
}
