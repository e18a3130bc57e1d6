using System.Globalization;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Reporting;

/// <summary>One period of a transparency report: a run of calendar days with a label such as <c>2025-Q1</c>, <c>2019-H2</c>, <c>2025-03</c>.</summary>
/// <remarks>
/// <para>Both <see cref="Start"/> and <see cref="End"/> are inclusive, like <see cref="DateInterval"/>. Dates are local
/// dates in the zone of the <see cref="ReportingSchedule"/> that made the period.</para>
/// <para>Immutable and safe to share across threads. Equality compares start, end and label.</para>
/// </remarks>
public sealed record ReportPeriod
{
    private ReportPeriod(LocalDate start, LocalDate end, string label)
    {
        Start = start;
        End = end;
        Label = label;
    }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>Gets the period's label: <c>2025-Q1</c>, <c>2019-H2</c>, <c>2025-03</c>, or <c>2025-03-01/2025-03-14</c> for other lengths.</summary>
    public string Label { get; }

    /// <summary>Returns the reporting period (quarter or half-year) as a report period.</summary>
    /// <param name="period">The reporting period.</param>
    /// <returns>The same days, labelled like the reporting period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    public static ReportPeriod From(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new ReportPeriod(period.Start, period.End, period.ToString());
    }

    /// <summary>Returns the calendar month containing a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The month, labelled <c>yyyy-MM</c>.</returns>
    public static ReportPeriod MonthContaining(LocalDate date)
    {
        var start = new LocalDate(date.Year, date.Month, 1);
        return new ReportPeriod(start, start.PlusMonths(1).PlusDays(-1), start.ToString("uuuu-MM", CultureInfo.InvariantCulture));
    }

    /// <summary>Returns a period of whole days.</summary>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day (inclusive).</param>
    /// <returns>The period, labelled <c>start/end</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static ReportPeriod Of(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "A period cannot end before it starts.");
        }

        return new ReportPeriod(start, end, $"{LocalDatePattern.Iso.Format(start)}/{LocalDatePattern.Iso.Format(end)}");
    }

    /// <summary>Returns whether the period contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date lies between <see cref="Start"/> and <see cref="End"/>, both included.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Returns the label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;
}
