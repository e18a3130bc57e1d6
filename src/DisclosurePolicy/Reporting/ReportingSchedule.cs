using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// How records are grouped into report periods: by the cadence of the version that decided them, or by a period the host
/// chooses, with decision dates taken in a NodaTime time zone.
/// </summary>
/// <remarks>
/// <para>A request belongs to the period containing the local date, in <see cref="Zone"/>, of its first disclosure
/// (<see cref="RequestHistory.FirstDisclosedAt"/>), as the platform's report entries use; a request with nothing disclosed
/// appears only in the internal breakdown, in the period of its decision date. The instant-to-date conversion is
/// exact on days with a clock change: a 23- or 25-hour day still ends at the next local midnight.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class ReportingSchedule
{
    private readonly Func<LocalDate, ReportingCadence, ReportingPeriod> _period;

    private ReportingSchedule(string name, DateTimeZone zone, Func<LocalDate, ReportingCadence, ReportingPeriod> period)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Name = name;
        Zone = zone;
        _period = period;
    }

    /// <summary>Gets the schedule in words, such as <c>quarterly</c> or <c>by version cadence</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the time zone in which decision dates are taken.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Returns the schedule the rule versions promise: half-years for records decided under a semiannual version
    /// (V1), quarters under a quarterly one (V2), and quarters for records whose version sets no cadence (V0, or none applied).</summary>
    /// <param name="zone">The zone in which decision dates are taken.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <remarks><para>Under this schedule a country's periods can overlap (2024-H2 for V1 decisions, 2024-Q4 for V2 ones), as the
    /// platform's own published periods do around a change of rule.</para></remarks>
    public static ReportingSchedule VersionCadence(DateTimeZone zone) => new(
        "by version cadence",
        zone,
        static (date, cadence) => ReportingPeriod.Containing(date, cadence == ReportingCadence.SemiAnnual ? cadence : ReportingCadence.Quarterly));

    /// <summary>Returns calendar quarters for every record.</summary>
    /// <param name="zone">The zone in which decision dates are taken.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static ReportingSchedule Quarterly(DateTimeZone zone) => new(
        "quarterly", zone, static (date, _) => ReportingPeriod.Containing(date, ReportingCadence.Quarterly));

    /// <summary>Returns calendar half-years (January to June, July to December) for every record.</summary>
    /// <param name="zone">The zone in which decision dates are taken.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static ReportingSchedule SemiAnnual(DateTimeZone zone) => new(
        "semiannual", zone, static (date, _) => ReportingPeriod.Containing(date, ReportingCadence.SemiAnnual));

    /// <summary>Returns calendar months for every record.</summary>
    /// <param name="zone">The zone in which decision dates are taken.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static ReportingSchedule Monthly(DateTimeZone zone) => new("monthly", zone, static (date, _) => ReportingPeriod.MonthContaining(date));

    /// <summary>Returns consecutive periods of a fixed number of days, the first starting on <paramref name="anchor"/> (and
    /// earlier periods counted back from it).</summary>
    /// <param name="days">The length of each period in days; at least 1.</param>
    /// <param name="anchor">The first day of one of the periods.</param>
    /// <param name="zone">The zone in which decision dates are taken.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static ReportingSchedule EveryDays(int days, LocalDate anchor, DateTimeZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new(
            $"every {days} day(s) from {IsoDates.Format(anchor)}",
            zone,
            (date, _) =>
            {
                long offset = Period.Between(anchor, date, PeriodUnits.Days).Days;
                long index = offset >= 0 ? offset / days : -((-offset + days - 1) / days);
                LocalDate start = anchor.PlusDays((int)(index * days));
                return ReportingPeriod.Of(start, start.PlusDays(days - 1));
            });
    }

    /// <summary>Returns the local date in <see cref="Zone"/> a request is reported under: its first disclosure's date,
    /// or, when nothing was disclosed, its decision's date.</summary>
    /// <param name="history">The request's history.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public LocalDate DateOf(RequestHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return (history.FirstDisclosedAt ?? history.Decision.DecidedAt).InZone(Zone).Date;
    }

    /// <summary>Returns the period a request is reported in.</summary>
    /// <param name="history">The request's history.</param>
    /// <returns>The period containing <see cref="DateOf"/>, at the cadence of the version that permitted the request
    /// (under <see cref="VersionCadence"/>) whenever the disclosure happened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public ReportingPeriod PeriodOf(RequestHistory history) => _period(DateOf(history), history.Decision.VersionCadence);

    /// <summary>Returns the period of a local date, for something reported at a cadence (such as an order's receipt date
    /// in the DSA Article 15(1)(a) report).</summary>
    /// <param name="date">The local date.</param>
    /// <param name="cadence">The cadence the thing reported promises; only <see cref="VersionCadence"/> reads it.</param>
    /// <returns>The period containing the date.</returns>
    public ReportingPeriod PeriodOf(LocalDate date, ReportingCadence cadence) => _period(date, cadence);

    /// <summary>Returns the schedule's name and zone.</summary>
    /// <returns>For example <c>quarterly (Europe/Berlin)</c>.</returns>
    public override string ToString() => $"{Name} ({Zone.Id})";
}
