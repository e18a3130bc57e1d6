using DisclosurePolicy.Internal;
using System.Globalization;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// A transparency-report period: a run of calendar days with a label such as <c>2025-Q1</c>, <c>2019-H2</c>,
/// <c>2025-03</c> or <c>2025-03-01/2025-03-14</c>.
/// </summary>
/// <remarks>
/// <para>Both <see cref="Start"/> and <see cref="End"/> are inclusive, like <see cref="DateInterval"/>. Dates are local
/// dates in the time zone of whatever made the period (the engine's zone for a report entry, a schedule's zone for a
/// report row).</para>
/// <para>Immutable and safe to share across threads. Equality compares start, end and label.</para>
/// </remarks>
public sealed record ReportingPeriod
{
    private ReportingPeriod(LocalDate start, LocalDate end, string label)
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

    /// <summary>Returns the period of the given cadence that contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="cadence">A cadence other than <see cref="ReportingCadence.None"/>.</param>
    /// <returns>The quarter or half-year containing <paramref name="date"/>, labelled like <c>2025-Q1</c> or <c>2019-H2</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cadence"/> is <see cref="ReportingCadence.None"/> or undefined.</exception>
    public static ReportingPeriod Containing(LocalDate date, ReportingCadence cadence)
    {
        (int months, char letter) = cadence switch
        {
            ReportingCadence.Quarterly => (3, 'Q'),
            ReportingCadence.SemiAnnual => (6, 'H'),
            _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "A period needs a quarterly or semiannual cadence."),
        };
        int index = (date.Month - 1) / months;
        var start = new LocalDate(date.Year, (index * months) + 1, 1);
        string label = string.Create(CultureInfo.InvariantCulture, $"{date.Year}-{letter}{index + 1}");
        // The last day of the period's last month, computed without stepping past it, which overflows in December 9999.
        return new ReportingPeriod(start, start.PlusMonths(months - 1).With(DateAdjusters.EndOfMonth), label);
    }

    /// <summary>Returns the calendar month containing a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The month, labelled <c>yyyy-MM</c>.</returns>
    public static ReportingPeriod MonthContaining(LocalDate date)
    {
        var start = new LocalDate(date.Year, date.Month, 1);
        return new ReportingPeriod(start, start.With(DateAdjusters.EndOfMonth), start.ToString("uuuu-MM", CultureInfo.InvariantCulture));
    }

    /// <summary>Returns a period of whole days.</summary>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day (inclusive).</param>
    /// <returns>The period, labelled <c>start/end</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static ReportingPeriod Of(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "A period cannot end before it starts.");
        }

        return new ReportingPeriod(start, end, $"{IsoDates.Format(start)}/{IsoDates.Format(end)}");
    }

    /// <summary>Returns whether the period contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="Start"/> and <see cref="End"/>, both included.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Returns the label.</summary>
    /// <returns>The label, as <see cref="Label"/>.</returns>
    public override string ToString() => Label;
}
