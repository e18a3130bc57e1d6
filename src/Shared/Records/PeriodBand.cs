using DisclosurePolicy.Reporting;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Records.Sql;

/// <summary>One report period as the half-open range of instants whose local date (in the schedule's zone) falls in it,
/// for records of one version cadence: what a report query joins instants against, so the database never converts zones.
/// <see cref="Index"/> numbers the period itself, so bands of several cadences that carry the same period group as one.</summary>
internal sealed record PeriodBand(int Index, ReportingCadence Cadence, Instant From, Instant Until, ReportingPeriod Period)
{
    /// <summary>Cuts the instants from <paramref name="from"/> to <paramref name="until"/> (exclusive) into the periods of
    /// <paramref name="schedule"/>, for every cadence given.</summary>
    public static List<PeriodBand> Cover(ReportingSchedule schedule, IEnumerable<ReportingCadence> cadences, Instant from, Instant until)
    {
        var bands = new List<PeriodBand>();
        var numbers = new Dictionary<ReportingPeriod, int>();
        if (until <= from)
        {
            return bands;
        }

        DateTimeZone zone = schedule.Zone;
        LocalDate last = (until - Duration.Epsilon).InZone(zone).Date;
        foreach (ReportingCadence cadence in cadences)
        {
            LocalDate date = from.InZone(zone).Date;
            while (date <= last)
            {
                ReportingPeriod period = schedule.PeriodOf(date, cadence);
                Instant start = zone.AtStartOfDay(period.Start).ToInstant();
                Instant end = zone.AtStartOfDay(period.End.PlusDays(1)).ToInstant();
                if (!numbers.TryGetValue(period, out int number))
                {
                    number = numbers.Count;
                    numbers.Add(period, number);
                }

                bands.Add(new PeriodBand(number, cadence, start < from ? from : start, end > until ? until : end, period));
                date = period.End.PlusDays(1);
            }
        }

        return bands;
    }

    /// <summary>The instants of a date range in a zone: from the start of its first day to the start of the day after its last.</summary>
    public static (Instant From, Instant Until) Of(DateInterval dates, DateTimeZone zone) =>
        (zone.AtStartOfDay(dates.Start).ToInstant(), zone.AtStartOfDay(dates.End.PlusDays(1)).ToInstant());
}
