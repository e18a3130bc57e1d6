using System.Globalization;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>A transparency-report period: a calendar quarter or half-year.</summary>
/// <remarks>
/// <para>Both <see cref="Start"/> and <see cref="End"/> are inclusive, like <see cref="DateInterval"/>.</para>
/// <para>Immutable and safe to share across threads. Equality compares start and end.</para>
/// </remarks>
public sealed record ReportingPeriod
{
    private ReportingPeriod(LocalDate start, LocalDate end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>Returns the period of the given cadence that contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="cadence">A cadence other than <see cref="ReportingCadence.None"/>.</param>
    /// <returns>The quarter or half-year containing <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cadence"/> is <see cref="ReportingCadence.None"/> or undefined.</exception>
    public static ReportingPeriod Containing(LocalDate date, ReportingCadence cadence)
    {
        int months = cadence switch
        {
            ReportingCadence.Quarterly => 3,
            ReportingCadence.SemiAnnual => 6,
            _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "A period needs a quarterly or semiannual cadence."),
        };
        int firstMonth = (((date.Month - 1) / months) * months) + 1;
        var start = new LocalDate(date.Year, firstMonth, 1);
        return new ReportingPeriod(start, start.PlusMonths(months).PlusDays(-1));
    }

    /// <summary>Returns whether the period contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="Start"/> and <see cref="End"/>, both included.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Returns the period as a label such as <c>2025-Q1</c> or <c>2019-H2</c>.</summary>
    /// <returns>The label.</returns>
    public override string ToString()
    {
        int months = Period.Between(Start, End.PlusDays(1), PeriodUnits.Months).Months;
        string year = Start.Year.ToString(CultureInfo.InvariantCulture);
        return months == 3
            ? $"{year}-Q{((Start.Month - 1) / 3) + 1}"
            : $"{year}-H{((Start.Month - 1) / 6) + 1}";
    }
}
