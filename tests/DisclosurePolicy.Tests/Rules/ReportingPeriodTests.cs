using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class ReportingPeriodTests
{
    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    [Theory]
    [InlineData("2025-01-01", "2025-01-01", "2025-03-31", "2025-Q1")]
    [InlineData("2025-03-31", "2025-01-01", "2025-03-31", "2025-Q1")]
    [InlineData("2025-04-01", "2025-04-01", "2025-06-30", "2025-Q2")]
    [InlineData("2025-06-30", "2025-04-01", "2025-06-30", "2025-Q2")]
    [InlineData("2025-07-01", "2025-07-01", "2025-09-30", "2025-Q3")]
    [InlineData("2025-09-30", "2025-07-01", "2025-09-30", "2025-Q3")]
    [InlineData("2025-10-01", "2025-10-01", "2025-12-31", "2025-Q4")]
    [InlineData("2025-12-31", "2025-10-01", "2025-12-31", "2025-Q4")]
    [InlineData("2024-02-29", "2024-01-01", "2024-03-31", "2024-Q1")]
    public void Containing_Quarterly_GivesTheCalendarQuarter(string date, string start, string end, string label)
    {
        ReportingPeriod period = ReportingPeriod.Containing(Date(date), ReportingCadence.Quarterly);

        Assert.Equal(Date(start), period.Start);
        Assert.Equal(Date(end), period.End);
        Assert.Equal(label, period.ToString());
        Assert.True(period.Contains(Date(date)));
    }

    [Theory]
    [InlineData("2019-01-01", "2019-01-01", "2019-06-30", "2019-H1")]
    [InlineData("2019-06-30", "2019-01-01", "2019-06-30", "2019-H1")]
    [InlineData("2019-07-01", "2019-07-01", "2019-12-31", "2019-H2")]
    [InlineData("2019-12-31", "2019-07-01", "2019-12-31", "2019-H2")]
    public void Containing_SemiAnnual_GivesTheHalfYear(string date, string start, string end, string label)
    {
        ReportingPeriod period = ReportingPeriod.Containing(Date(date), ReportingCadence.SemiAnnual);

        Assert.Equal(Date(start), period.Start);
        Assert.Equal(Date(end), period.End);
        Assert.Equal(label, period.ToString());
    }

    [Fact]
    public void Contains_BothEndsIncludedAndNothingOutside()
    {
        ReportingPeriod q3 = ReportingPeriod.Containing(Date("2025-08-15"), ReportingCadence.Quarterly);

        Assert.True(q3.Contains(Date("2025-07-01")));
        Assert.True(q3.Contains(Date("2025-09-30")));
        Assert.False(q3.Contains(Date("2025-06-30")));
        Assert.False(q3.Contains(Date("2025-10-01")));
    }

    [Theory]
    [InlineData(ReportingCadence.None)]
    [InlineData((ReportingCadence)7)]
    public void Containing_NoCadence_Throws(ReportingCadence cadence)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(Date("2025-01-01"), cadence));

        Assert.Equal("cadence", error.ParamName);
    }

    [Fact]
    public void Equality_ComparesStartAndEnd()
    {
        Assert.Equal(
            ReportingPeriod.Containing(Date("2025-02-01"), ReportingCadence.Quarterly),
            ReportingPeriod.Containing(Date("2025-03-31"), ReportingCadence.Quarterly));
        Assert.NotEqual(
            ReportingPeriod.Containing(Date("2025-02-01"), ReportingCadence.Quarterly),
            ReportingPeriod.Containing(Date("2025-02-01"), ReportingCadence.SemiAnnual));
    }

    [Theory]
    [InlineData("2024-02-15", "2024-02-01", "2024-02-29", "2024-02")]
    [InlineData("2025-12-31", "2025-12-01", "2025-12-31", "2025-12")]
    [InlineData("0999-01-01", "0999-01-01", "0999-01-31", "0999-01")]
    public void MonthContaining_GivesTheCalendarMonth(string date, string start, string end, string label)
    {
        ReportingPeriod period = ReportingPeriod.MonthContaining(Date(date));

        Assert.Equal(Date(start), period.Start);
        Assert.Equal(Date(end), period.End);
        Assert.Equal(label, period.Label);
        Assert.Equal(label, period.ToString());
    }

    [Fact]
    public void Of_DaysInOrder_LabelsStartSlashEnd()
    {
        ReportingPeriod period = ReportingPeriod.Of(Date("2025-03-01"), Date("2025-03-14"));

        Assert.Equal(Date("2025-03-01"), period.Start);
        Assert.Equal(Date("2025-03-14"), period.End);
        Assert.Equal("2025-03-01/2025-03-14", period.Label);
        Assert.Equal("2025-03-07/2025-03-07", ReportingPeriod.Of(Date("2025-03-07"), Date("2025-03-07")).ToString());
    }

    [Fact]
    public void Of_EndBeforeStart_Throws()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Of(Date("2025-03-14"), Date("2025-03-13")));

        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Equality_SameDaysUnderAnotherLabel_IsNotEqual()
    {
        ReportingPeriod quarter = ReportingPeriod.Containing(Date("2025-02-01"), ReportingCadence.Quarterly);
        ReportingPeriod days = ReportingPeriod.Of(quarter.Start, quarter.End);

        Assert.Equal((quarter.Start, quarter.End), (days.Start, days.End));
        Assert.NotEqual(quarter, days);
        Assert.Equal(ReportingPeriod.Of(quarter.Start, quarter.End), days);
    }
}
