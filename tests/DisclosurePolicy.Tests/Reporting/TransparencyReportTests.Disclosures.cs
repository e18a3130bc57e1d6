using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public partial class TransparencyReportTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static RequestHistory Disclosed(DecisionRecord record, Instant at) => Histories.DisclosingAll(record, at);

    private static string PeriodOfOnly(RequestHistory history, ReportingSchedule schedule) =>
        Assert.Single(TransparencyReport.Build([history], schedule).Rows).Period.Label;

    [Theory]
    [InlineData("2025-03-31T23:59:59Z", "2025-Q1")]
    [InlineData("2025-04-01T00:00:00Z", "2025-Q2")]
    [InlineData("2025-12-31T23:59:59Z", "2025-Q4")]
    [InlineData("2026-01-01T00:00:00Z", "2026-Q1")]
    public void Build_V2DisclosureAtAQuarterBoundary_InTheQuarterOfTheDisclosureDate(string disclosedAt, string expected)
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted("FR-1"), Recorded.Utc(2025, 2, 12));

        Assert.Equal(expected, PeriodOfOnly(Disclosed(record, NodaTime.Text.InstantPattern.ExtendedIso.Parse(disclosedAt).Value), Quarters));
    }

    [Theory]
    [InlineData("2020-06-30T23:59:59Z", "2020-H1")]
    [InlineData("2020-07-01T00:00:00Z", "2020-H2")]
    public void Build_V1DisclosureAtAHalfYearBoundary_InTheHalfYearOfTheDisclosureDate(string disclosedAt, string expected)
    {
        DecisionRecord record = Recorded.Of(Some.V1Permitted("GB-1"), Recorded.Utc(2020, 3, 17));

        Assert.Equal(expected, PeriodOfOnly(Disclosed(record, NodaTime.Text.InstantPattern.ExtendedIso.Parse(disclosedAt).Value), Quarters));
    }

    [Fact]
    public void Build_V1DecisionDisclosedYearsLater_InTheDisclosuresHalfYearNotTheDecisionsOrTheReportsPeriod()
    {
        // The demo's 2020 terror order: decided in 2020; built into a report in 2026 it still belongs to 2020.
        DecisionRecord record = Recorded.Of(Some.V1Permitted("GB-1"), Recorded.Utc(2020, 3, 17));

        Assert.Equal("2020-H1", PeriodOfOnly(Disclosed(record, Recorded.Utc(2020, 3, 24)), Quarters));
        Assert.Equal("2021-H1", PeriodOfOnly(Disclosed(record, Recorded.Utc(2021, 2, 1)), Quarters));
    }

    [Fact]
    public void Build_V1PermissionDisclosedAfterV2Began_ReportedAtV1sSemiannualCadence()
    {
        // Received 2024-09-20 under V1, disclosed 2024-10-15 under V2's text: the permission, and its reporting promise,
        // are V1's, so the disclosure lands in 2024-H2 and not in 2024-Q4.
        DecisionRecord record = Recorded.Of(Some.With(Some.V1Permitted("GB-1"), receivedOn: new LocalDate(2024, 9, 20)), Recorded.Utc(2024, 9, 21));

        Assert.Equal("V1", record.VersionId);
        Assert.Equal("2024-H2", PeriodOfOnly(Disclosed(record, Recorded.Utc(2024, 10, 15)), Quarters));
    }

    [Theory]
    [InlineData("2025-03-31T21:59:59Z", "2025-Q1")] // 23:59:59 CEST, the day after the clock went forward
    [InlineData("2025-03-31T22:00:00Z", "2025-Q2")] // 00:00 CEST on 1 April
    [InlineData("2024-12-31T22:59:59Z", "2024-Q4")] // 23:59:59 CET
    [InlineData("2024-12-31T23:00:00Z", "2025-Q1")]
    public void Build_DisclosureInBerlinAcrossAClockChange_FollowsTheLocalDate(string disclosedAt, string expected)
    {
        // Decided in winter time (CET), disclosed after the change to summer time (CEST, 2025-03-30).
        DecisionRecord record = Recorded.Of(Some.With(Some.V2Permitted("DE-1"), receivedOn: new LocalDate(2024, 12, 18)), Recorded.Utc(2024, 12, 20), zone: Berlin);

        Assert.Equal(expected, PeriodOfOnly(Disclosed(record, NodaTime.Text.InstantPattern.ExtendedIso.Parse(disclosedAt).Value), ReportingSchedule.VersionCadence(Berlin)));
    }

    [Fact]
    public void Build_PermittedButNeverDisclosed_AddsNothingPublished()
    {
        RequestHistory disclosed = Disclosed(Recorded.Of(German("DE-1"), Recorded.Utc(2025, 2, 12)), Recorded.Utc(2025, 2, 14));
        RequestHistory undisclosed = RequestHistory.Start(Recorded.Of(German("DE-2", Suspect("user:2")), Recorded.Utc(2025, 2, 13)));

        TransparencyReportRow row = Assert.Single(TransparencyReport.Build([disclosed, undisclosed], Quarters).Rows);

        Assert.Equal((1, 1), (row.FulfilledRequests, row.AffectedUsers));
        Assert.Equal((2, 1), (row.Received, row.PermittedNotDisclosed));
    }

    [Fact]
    public void Build_PartOfThePermittedItemsDisclosed_OnlyTheirAccountsAffected()
    {
        DecisionRecord record = Recorded.Of(German("DE-1", Suspect("user:1"), Suspect("user:2")), Recorded.Utc(2025, 2, 12));
        RequestHistory history = RequestHistory.Apply(
            RequestHistory.Start(record), RequestEvent.Disclosed("DE-1", Recorded.Utc(2025, 2, 14), [new DisclosedItem("user:2", DataCategory.PhoneNumber)]), out _);

        TransparencyReportRow row = Assert.Single(TransparencyReport.Build([history], Quarters).Rows);

        Assert.Equal((1, 1), (row.FulfilledRequests, row.AffectedUsers));
    }

    [Property(Arbitrary = [typeof(HistoryArbitraries)], MaxTest = 100)]
    public bool Build_RequestWithoutADisclosedItem_NeverCounted(HistoryBatch batch)
    {
        TransparencyReport all = TransparencyReport.Build(batch.Histories, Quarters);
        TransparencyReport fulfilledOnly = TransparencyReport.Build(batch.Histories.Where(h => h.IsFulfilled), Quarters);
        bool unchanged = all.Rows.All(row =>
        {
            TransparencyReportRow? kept = fulfilledOnly.Find(row.Country, row.Period.Label);
            return kept is null
                ? row.FulfilledRequests == 0 && row.AffectedUsers == 0
                : (kept.FulfilledRequests, kept.AffectedUsers) == (row.FulfilledRequests, row.AffectedUsers);
        });
        return unchanged
            && all.FulfilledRequests == batch.Histories.Count(h => h.DisclosedItems.Count > 0)
            && all.PermittedNotDisclosed == batch.Histories.Count(h => h.Decision.Decision.IsPermitted && h.DisclosedItems.Count == 0);
    }

    [Property(Arbitrary = [typeof(HistoryArbitraries)], MaxTest = 100)]
    public bool Build_AffectedUsers_NeverExceedTheAccountsNamed(HistoryBatch batch)
    {
        ReportingSchedule schedule = ReportingSchedule.VersionCadence(Berlin);
        TransparencyReport report = TransparencyReport.Build(batch.Histories, schedule);
        return report.Rows.All(row =>
        {
            RequestHistory[] mine = [.. batch.Histories.Where(h => h.Decision.Jurisdiction == row.Country && schedule.PeriodOf(h) == row.Period)];
            int named = mine.Where(h => h.IsFulfilled).SelectMany(h => h.Decision.Request.Subjects.Select(s => s.AccountReference)).Distinct(StringComparer.Ordinal).Count();
            int disclosed = mine.SelectMany(h => h.DisclosedItems.Select(i => i.AccountReference)).Distinct(StringComparer.Ordinal).Count();
            return row.AffectedUsers <= named && row.AffectedUsers == disclosed;
        });
    }

    [Property(Arbitrary = [typeof(HistoryArbitraries)], MaxTest = 100)]
    public bool Build_EachCountedRequest_InAPeriodContainingItsDisclosureDate(HistoryBatch batch)
    {
        ReportingSchedule schedule = ReportingSchedule.VersionCadence(Berlin);
        TransparencyReport report = TransparencyReport.Build(batch.Histories, schedule);
        return batch.Histories.Where(h => h.IsFulfilled).All(h =>
        {
            LocalDate disclosed = h.FirstDisclosedAt!.Value.InZone(Berlin).Date;
            TransparencyReportRow? row = report.Rows.SingleOrDefault(r => r.Country == h.Decision.Jurisdiction && r.Period.Contains(disclosed)
                && r.Period.Label.Contains(h.Decision.VersionCadence == ReportingCadence.SemiAnnual ? "-H" : "-Q", StringComparison.Ordinal));
            return row is not null && row.FulfilledRequests > 0;
        });
    }
}
