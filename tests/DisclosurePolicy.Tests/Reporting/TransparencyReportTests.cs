using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public partial class TransparencyReportTests
{
    private static readonly ReportingSchedule Quarters = ReportingSchedule.VersionCadence(DateTimeZone.Utc);

    private static Subject Suspect(string account) => new(account, SubjectStatus.Suspect, OffenceCategory.DrugTrafficking);

    private static LegalRequest German(string id, params Subject[] subjects) =>
        Some.With(Some.V2Permitted(id), jurisdiction: "DE", subjects: subjects.Length == 0 ? [Suspect("user:1")] : subjects);

    private static RequestHistory[] Scenario() => Histories.DisclosingAll(
    [
        Recorded.Of(German("DE-1"), Recorded.Utc(2025, 2, 12)),
        Recorded.Of(Some.With(German("DE-2"), data: [DataCategory.IpAddress, DataCategory.Contacts]), Recorded.Utc(2025, 2, 13)),
        Recorded.Of(German("DE-3", Suspect("user:2"), Suspect("user:3")), Recorded.Utc(2025, 2, 14)),
        Recorded.Of(Some.With(German("DE-4"), instrument: InstrumentKind.PoliceRequest, authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency), Recorded.Utc(2025, 2, 15)),
        Recorded.Of(Some.With(German("DE-5"), analysis: LegalAnalysisOutcome.NotPerformed), Recorded.Utc(2025, 2, 16)),
        Recorded.Of(Some.With(German("DE-6"), preservationOnly: true), Recorded.Utc(2025, 2, 17)),
        Recorded.Of(Some.V2Permitted("FR-1"), Recorded.Utc(2025, 3, 1)),
        Recorded.Of(German("DE-7"), Recorded.Utc(2025, 4, 2)),
    ]);

    [Fact]
    public void Build_Scenario_PublishedFiguresAndBreakdown()
    {
        TransparencyReport report = TransparencyReport.Build(Scenario(), Quarters);

        Assert.Equal(["DE 2025-Q1", "DE 2025-Q2", "FR 2025-Q1"], report.Rows.Select(r => $"{r.Country} {r.Period}"));
        TransparencyReportRow de = report.Find("DE", "2025-Q1")!;
        Assert.Equal((3, 3), (de.FulfilledRequests, de.AffectedUsers));
        Assert.Equal((6, 2, 1, 1, 1, 1), (de.Received, de.MayDisclose, de.PartiallyPermitted, de.PendingLegalAnalysis, de.Denied, de.NotApplicable));
        Assert.Equal([new ReasonCount("IssuerNotJudicialAuthority", 1)], de.DeniedByReason);
        Assert.Equal([new InstrumentCount(InstrumentKind.CourtOrder, 5, 3), new InstrumentCount(InstrumentKind.PoliceRequest, 1, 0)], de.ByInstrument);
        Assert.Equal((1, 1), (report.Find("DE", "2025-Q2")!.FulfilledRequests, report.Find("DE", "2025-Q2")!.AffectedUsers));
        Assert.Equal((5, 8), (report.FulfilledRequests, report.Received));
    }

    [Fact]
    public void Build_SameAccountInManyRequests_FewerUsersThanRequests()
    {
        DecisionRecord[] records = [.. Enumerable.Range(1, 4).Select(i => Recorded.Of(German($"DE-{i}"), Recorded.Utc(2025, 2, 10 + i)))];

        TransparencyReportRow row = Assert.Single(TransparencyReport.Build(Histories.DisclosingAll(records), Quarters).Rows);

        Assert.Equal((4, 1), (row.FulfilledRequests, row.AffectedUsers));
    }

    [Fact]
    public void Build_SameRecordTwice_CountedOnce_ConflictRefused()
    {
        DecisionRecord record = Recorded.Of(German("DE-1"), Recorded.Utc(2025, 2, 12));
        DecisionRecord other = Recorded.Of(Some.With(German("DE-1"), valid: false), Recorded.Utc(2025, 2, 12));

        Assert.Equal(1, TransparencyReport.Build(Histories.DisclosingAll([record, record]), Quarters).Received);
        ArgumentException ex = Assert.Throws<ArgumentException>(() => TransparencyReport.Build(Histories.DisclosingAll([record, other]), Quarters));
        Assert.Contains("Request 'DE-1' appears twice with different histories", ex.Message);
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 200)]
    public bool Build_EveryRecordInExactlyOneBucket_BucketsAddUpToTotal(RecordBatch batch)
    {
        TransparencyReport report = TransparencyReport.Build(Histories.DisclosingAll(batch.Records), Quarters);
        bool rowsAddUp = report.Rows.All(r => r.MayDisclose + r.PartiallyPermitted + r.PendingLegalAnalysis + r.Denied + r.NotApplicable == r.Received);
        bool eachRecordInOneRow = batch.Records.All(rec =>
            report.Rows.Count(r => r.Country == rec.Jurisdiction && r.Period == Quarters.PeriodOf(Histories.DisclosingAll(rec))) == 1);
        bool bucketsMatch = report.Rows.All(r =>
        {
            DecisionRecord[] mine = [.. batch.Records.Where(rec => rec.Jurisdiction == r.Country && Quarters.PeriodOf(Histories.DisclosingAll(rec)) == r.Period)];
            return mine.Length == r.Received
                && mine.Count(m => m.Outcome == DecisionOutcome.MayDisclose) == r.MayDisclose
                && mine.Count(m => m.Outcome == DecisionOutcome.PartiallyPermitted) == r.PartiallyPermitted
                && mine.Count(m => m.Outcome == DecisionOutcome.PendingLegalAnalysis) == r.PendingLegalAnalysis
                && mine.Count(m => m.Outcome == DecisionOutcome.Deny) == r.Denied
                && mine.Count(m => m.Outcome == DecisionOutcome.NotApplicable) == r.NotApplicable
                && r.ByInstrument.Sum(i => i.Received) == r.Received
                && r.ByInstrument.Sum(i => i.Fulfilled) == r.FulfilledRequests;
        });
        return rowsAddUp && eachRecordInOneRow && bucketsMatch && report.Received == batch.Records.Count;
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 200)]
    public bool Build_DeniedRequests_NeverCountedAsFulfilledOrAffected(RecordBatch batch)
    {
        TransparencyReport all = TransparencyReport.Build(Histories.DisclosingAll(batch.Records), Quarters);
        TransparencyReport permittedOnly = TransparencyReport.Build(Histories.DisclosingAll(batch.Records.Where(r => r.Decision.IsPermitted)), Quarters);

        // Removing every request that permitted nothing leaves every published figure unchanged.
        bool publishedUnchanged = all.Rows.All(row =>
        {
            TransparencyReportRow? kept = permittedOnly.Find(row.Country, row.Period.Label);
            return kept is null
                ? row.FulfilledRequests == 0 && row.AffectedUsers == 0
                : kept.FulfilledRequests == row.FulfilledRequests && kept.AffectedUsers == row.AffectedUsers;
        });
        bool fulfilledArePermitted = all.Rows.All(row =>
            row.FulfilledRequests == batch.Records.Count(r => r.Jurisdiction == row.Country && Quarters.PeriodOf(Histories.DisclosingAll(r)) == row.Period && r.Decision.IsPermitted));
        bool deniedHaveReasons = all.Rows.All(row => row.Denied == 0 || row.DeniedByReason.Count > 0);
        return publishedUnchanged && fulfilledArePermitted && deniedHaveReasons && all.FulfilledRequests == batch.Records.Count(r => r.Decision.IsPermitted);
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 200)]
    public bool Build_AffectedUsers_AreDistinctAccountsWithAPermittedItem(RecordBatch batch)
    {
        TransparencyReport report = TransparencyReport.Build(Histories.DisclosingAll(batch.Records), Quarters);
        return report.Rows.All(row =>
        {
            DecisionRecord[] mine = [.. batch.Records.Where(r => r.Jurisdiction == row.Country && Quarters.PeriodOf(Histories.DisclosingAll(r)) == row.Period)];
            int fromEntries = mine.SelectMany(r => r.Decision.Obligations).Where(o => o.ReportEntry is not null).Sum(o => o.ReportEntry!.AffectedUsers);
            int distinct = mine.Where(r => r.Decision.IsPermitted)
                .SelectMany(r => r.Decision.Results).Where(i => i.Outcome == ItemOutcome.Permitted)
                .Select(i => i.AccountReference).Distinct().Count();
            return row.AffectedUsers == distinct && row.AffectedUsers <= fromEntries && (row.FulfilledRequests == 0) == (row.AffectedUsers == 0);
        });
    }

    [Fact]
    public void PublishedCsv_Scenario_Rfc4180Text()
    {
        string csv = TransparencyReport.Build(Scenario(), Quarters).ToPublishedCsv();

        Assert.Equal(
            "country,period,start,end,fulfilled_requests,affected_users\r\n" +
            "DE,2025-Q1,2025-01-01,2025-03-31,3,3\r\n" +
            "DE,2025-Q2,2025-04-01,2025-06-30,1,1\r\n" +
            "FR,2025-Q1,2025-01-01,2025-03-31,1,1\r\n",
            csv);
    }

    [Fact]
    public void BreakdownCsv_Scenario_LongFormRows()
    {
        string[] lines = TransparencyReport.Build(Scenario(), Quarters).ToBreakdownCsv().Split("\r\n");

        Assert.Equal("country,period,start,end,measure,key,count", lines[0]);
        Assert.Contains("DE,2025-Q1,2025-01-01,2025-03-31,received,,6", lines);
        Assert.Contains("DE,2025-Q1,2025-01-01,2025-03-31,outcome,PendingLegalAnalysis,1", lines);
        Assert.Contains("DE,2025-Q1,2025-01-01,2025-03-31,denied_by_reason,IssuerNotJudicialAuthority,1", lines);
        Assert.Contains("DE,2025-Q1,2025-01-01,2025-03-31,received_by_instrument,PoliceRequest,1", lines);
        Assert.Contains("DE,2025-Q1,2025-01-01,2025-03-31,fulfilled_by_instrument,CourtOrder,3", lines);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    public void Quote_SpecialCharacters_QuotedPerRfc4180(string field, string expected) =>
        Assert.Equal(expected, ReportCsv.Quote(field));

    // CSV injection (hardening issue, defect 11): a cell a spreadsheet would run as a formula is shown as text.
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("DE", "DE")]
    [InlineData("2025-Q1", "2025-Q1")]
    public void Quote_FormulaLeadCharacter_PrefixedSoItStaysText(string field, string expected) =>
        Assert.Equal(expected, ReportCsv.Quote(field));

    [Fact]
    public void Json_Scenario_PublishedAndInternalParts()
    {
        using JsonDocument json = JsonDocument.Parse(TransparencyReport.Build(Scenario(), ReportingSchedule.Quarterly(DateTimeZoneProviders.Tzdb["Europe/Berlin"])).ToJson());
        JsonElement root = json.RootElement;
        JsonElement de = root.GetProperty("rows")[0];

        Assert.Equal("transparency-report/1", root.GetProperty("schema").GetString());
        Assert.Equal("Europe/Berlin", root.GetProperty("zone").GetString());
        Assert.Equal("2025-Q1", de.GetProperty("period").GetProperty("label").GetString());
        Assert.Equal(3, de.GetProperty("published").GetProperty("fulfilledRequests").GetInt32());
        Assert.Equal(3, de.GetProperty("published").GetProperty("affectedUsers").GetInt32());
        Assert.Equal(6, de.GetProperty("internal").GetProperty("received").GetInt32());
        Assert.Equal(1, de.GetProperty("internal").GetProperty("outcomes").GetProperty("NotApplicable").GetInt32());
        Assert.Equal(1, de.GetProperty("internal").GetProperty("deniedByReason").GetProperty("IssuerNotJudicialAuthority").GetInt32());
        Assert.Equal("PoliceRequest", de.GetProperty("internal").GetProperty("byInstrument")[1].GetProperty("instrument").GetString());
    }

    [Fact]
    public void RenderText_Scenario_AlignedTableThenBreakdown()
    {
        string text = TransparencyReport.Build(Scenario(), Quarters).RenderText();
        string[] lines = text.Split(Environment.NewLine);

        Assert.Equal("Transparency report, by version cadence (UTC)", lines[0]);
        Assert.Equal("Country  Period   Fulfilled  Users  Received  Full  Partial  Not disclosed  Pending  Denied  N/A", lines[1]);
        Assert.Equal("DE       2025-Q1          3      3         6     2        1              0        1       1    1", lines[2]);
        Assert.Contains("  denied, IssuerNotJudicialAuthority: 1", lines);
        Assert.Contains("  CourtOrder: 5 received, 3 fulfilled", lines);
    }
}
