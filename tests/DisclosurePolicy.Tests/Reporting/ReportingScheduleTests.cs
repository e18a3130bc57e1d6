using DisclosurePolicy.Reporting;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public class ReportingScheduleTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static RequestHistory V2At(string instant) => Histories.DisclosingAll(V2RecordAt(instant));

    private static RequestHistory V1At(string instant) => Histories.DisclosingAll(V1RecordAt(instant));

    private static DecisionRecord V2RecordAt(string instant) =>
        Recorded.Of(Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2024, 10, 1)), InstantPattern.ExtendedIso.Parse(instant).Value);

    private static DecisionRecord V1RecordAt(string instant) =>
        Recorded.Of(Some.With(Some.V1Permitted(), receivedOn: new LocalDate(2024, 9, 20)), InstantPattern.ExtendedIso.Parse(instant).Value);

    [Theory]
    [InlineData("UTC", "2025-03-31T23:59:59Z", "2025-Q1")]
    [InlineData("UTC", "2025-04-01T00:00:00Z", "2025-Q2")]
    [InlineData("Europe/Berlin", "2025-03-31T21:59:59Z", "2025-Q1")]
    [InlineData("Europe/Berlin", "2025-03-31T22:00:00Z", "2025-Q2")]
    [InlineData("Europe/Berlin", "2024-12-31T22:59:59Z", "2024-Q4")]
    [InlineData("Europe/Berlin", "2024-12-31T23:00:00Z", "2025-Q1")]
    [InlineData("America/New_York", "2025-01-01T04:59:59Z", "2024-Q4")]
    [InlineData("America/New_York", "2025-01-01T05:00:00Z", "2025-Q1")]
    [InlineData("America/New_York", "2025-10-01T03:59:59Z", "2025-Q3")]
    [InlineData("America/New_York", "2025-10-01T04:00:00Z", "2025-Q4")]
    public void Quarterly_QuarterEdgesInZone_FollowLocalMidnight(string zone, string decidedAt, string expected)
    {
        ReportingSchedule schedule = ReportingSchedule.Quarterly(DateTimeZoneProviders.Tzdb[zone]);

        Assert.Equal(expected, schedule.PeriodOf(V2At(decidedAt)).Label);
    }

    [Theory]
    [InlineData("America/New_York", "2025-07-01T03:59:59Z", "2025-H1", "2025-01-01", "2025-06-30")]
    [InlineData("America/New_York", "2025-07-01T04:00:00Z", "2025-H2", "2025-07-01", "2025-12-31")]
    [InlineData("Europe/Berlin", "2025-06-30T21:59:59Z", "2025-H1", "2025-01-01", "2025-06-30")]
    [InlineData("Europe/Berlin", "2025-06-30T22:00:00Z", "2025-H2", "2025-07-01", "2025-12-31")]
    public void SemiAnnual_HalfYearEdgesInZone_FollowLocalMidnight(string zone, string decidedAt, string label, string start, string end)
    {
        ReportingPeriod period = ReportingSchedule.SemiAnnual(DateTimeZoneProviders.Tzdb[zone]).PeriodOf(V2At(decidedAt));

        Assert.Equal((label, start, end), (period.Label, LocalDatePattern.Iso.Format(period.Start), LocalDatePattern.Iso.Format(period.End)));
    }

    // Days with a clock change are 23 or 25 hours long; each still ends at the next local midnight.
    [Theory]
    [InlineData("Europe/Berlin", "2025-03-30T21:59:59Z", "2025-03-30")]
    [InlineData("Europe/Berlin", "2025-03-30T22:00:00Z", "2025-03-31")]
    [InlineData("Europe/Berlin", "2025-03-29T23:00:00Z", "2025-03-30")]
    [InlineData("Europe/Berlin", "2025-10-26T22:59:59Z", "2025-10-26")]
    [InlineData("Europe/Berlin", "2025-10-26T23:00:00Z", "2025-10-27")]
    [InlineData("America/New_York", "2025-03-09T04:59:59Z", "2025-03-08")]
    [InlineData("America/New_York", "2025-03-10T03:59:59Z", "2025-03-09")]
    [InlineData("America/New_York", "2025-03-10T04:00:00Z", "2025-03-10")]
    [InlineData("America/New_York", "2025-11-03T04:59:59Z", "2025-11-02")]
    [InlineData("America/New_York", "2025-11-03T05:00:00Z", "2025-11-03")]
    public void EveryDays_OneDayPeriodsOnClockChangeDays_EndAtLocalMidnight(string zone, string decidedAt, string expectedDay)
    {
        ReportingSchedule daily = ReportingSchedule.EveryDays(1, new LocalDate(2025, 1, 1), DateTimeZoneProviders.Tzdb[zone]);

        ReportingPeriod period = daily.PeriodOf(V2At(decidedAt));

        Assert.Equal(expectedDay, LocalDatePattern.Iso.Format(period.Start));
        Assert.Equal(period.Start, period.End);
    }

    [Fact]
    public void Monthly_MonthEndInBerlin_NextMonthAfterLocalMidnight()
    {
        ReportingSchedule monthly = ReportingSchedule.Monthly(Berlin);

        Assert.Equal("2025-03", monthly.PeriodOf(V2At("2025-03-31T21:59:59Z")).Label);
        ReportingPeriod april = monthly.PeriodOf(V2At("2025-03-31T22:00:00Z"));
        Assert.Equal(("2025-04", new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 30)), (april.Label, april.Start, april.End));
        Assert.Equal(new LocalDate(2024, 2, 29), monthly.PeriodOf(V2At("2024-02-15T12:00:00Z")).End);
    }

    [Fact]
    public void EveryDays_FortnightsFromAnchor_CountBothWays()
    {
        ReportingSchedule fortnights = ReportingSchedule.EveryDays(14, new LocalDate(2025, 1, 6), DateTimeZone.Utc);

        Assert.Equal("2024-12-23/2025-01-05", fortnights.PeriodOf(V2At("2025-01-05T23:59:59Z")).Label);
        Assert.Equal("2025-01-06/2025-01-19", fortnights.PeriodOf(V2At("2025-01-06T00:00:00Z")).Label);
        Assert.Equal("2025-01-06/2025-01-19", fortnights.PeriodOf(V2At("2025-01-19T23:59:59Z")).Label);
        Assert.Equal("2025-01-20/2025-02-02", fortnights.PeriodOf(V2At("2025-01-20T00:00:00Z")).Label);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingSchedule.EveryDays(0, new LocalDate(2025, 1, 6), DateTimeZone.Utc));
    }

    [Fact]
    public void VersionCadence_V1HalfYearsV2QuartersV0Quarters()
    {
        ReportingSchedule schedule = ReportingSchedule.VersionCadence(NewYork);
        DecisionRecord v0 = Recorded.Of(Some.With(Some.V1Permitted(), receivedOn: new LocalDate(2018, 5, 2)), Recorded.Utc(2018, 5, 3));

        Assert.Equal("2024-H2", schedule.PeriodOf(V1At("2024-09-25T12:00:00Z")).Label);
        Assert.Equal("2024-H1", schedule.PeriodOf(V1At("2024-07-01T03:59:59Z")).Label);
        Assert.Equal("2024-Q4", schedule.PeriodOf(V2At("2024-10-01T04:00:00Z")).Label);
        Assert.Equal("2018-Q2", schedule.PeriodOf(Histories.DisclosingAll(v0)).Label);
        Assert.Equal("by version cadence (America/New_York)", schedule.ToString());
    }

    [Fact]
    public void VersionCadence_SameZoneAsEngine_MatchesTheDecisionsReportEntry()
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted(), Instant.FromUtc(2025, 3, 31, 22, 30), zone: Berlin);

        ReportingPeriod period = ReportingSchedule.VersionCadence(Berlin).PeriodOf(Histories.DisclosingAll(record));
        TransparencyReportEntry entry = record.Decision.Obligations.Single(o => o.ReportEntry is not null).ReportEntry!;

        Assert.Equal((entry.Period!.Start, entry.Period.End), (period.Start, period.End));
        Assert.Equal("2025-Q2", period.Label);
    }
}
