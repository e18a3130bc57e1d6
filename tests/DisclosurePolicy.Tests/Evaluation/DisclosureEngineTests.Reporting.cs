using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>Obligations: the transparency-report entry of a permitted decision, its cadence and period, and who counts.</summary>
public partial class DisclosureEngineTests
{
    [Fact]
    public void Evaluate_V1Permit_RecordsOneSemiannualEntryForTheHalfYearOfTheDecision()
    {
        Decision decision = Engines.At(Instant.FromUtc(2020, 3, 20, 8, 0)).Evaluate(Some.V1Permitted());

        Obligation obligation = Assert.Single(decision.Obligations);
        Assert.Equal(ObligationKind.RecordInTransparencyReport, obligation.Kind);
        Assert.Equal("Privacy Policy 8.3 (2018-08-14)", obligation.Citation);
        TransparencyReportEntry entry = Assert.IsType<TransparencyReportEntry>(obligation.ReportEntry);
        Assert.Equal("FR", entry.Country);
        Assert.Equal(ReportingCadence.SemiAnnual, entry.Cadence);
        Assert.Equal(new LocalDate(2020, 1, 1), entry.Period!.Start);
        Assert.Equal(new LocalDate(2020, 6, 30), entry.Period.End);
        Assert.Equal(1, entry.FulfilledRequests);
        Assert.Equal(1, entry.AffectedUsers);
        Assert.Equal("Privacy Policy 8.3 (2018-08-14)", entry.Citation);
        Assert.Equal(
            "Record the disclosure in the semiannual transparency report for 2020-H1: FR, 1 fulfilled request, 1 affected user(s).",
            obligation.Description);
        Assert.Contains(obligation.Description, decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_V2Permit_RecordsOneQuarterlyEntryForTheQuarterOfTheDecision()
    {
        Decision decision = Engine.Evaluate(Some.V2Permitted());

        TransparencyReportEntry entry = DecisionAssert.SingleReport(decision);
        Assert.Equal(ReportingCadence.Quarterly, entry.Cadence);
        Assert.Equal("2025-Q1", entry.Period!.ToString());
        Assert.Equal("Privacy Policy 8.3 (2024-09-23)", entry.Citation);
        Assert.Equal(
            "Record the disclosure in the quarterly transparency report for 2025-Q1: FR, 1 fulfilled request, 1 affected user(s).",
            Assert.Single(decision.Obligations).Description);
    }

    [Fact]
    public void Evaluate_PeriodFollowsTheDecisionDateNotTheReceiptDate()
    {
        // Received under V1 in 2020, decided in 2025: a semiannual entry for the half-year of the decision.
        Decision decision = Engines.At(Instant.FromUtc(2025, 8, 1, 0, 0)).Evaluate(Some.V1Permitted());

        Assert.Equal("2025-H2", DecisionAssert.SingleReport(decision).Period!.ToString());
    }

    [Theory]
    [InlineData(2020, 6, 30, 23, 59, "2020-H1")]
    [InlineData(2020, 7, 1, 0, 0, "2020-H2")]
    [InlineData(2020, 12, 31, 23, 59, "2020-H2")]
    [InlineData(2021, 1, 1, 0, 0, "2021-H1")]
    public void Evaluate_V1PermitAtHalfYearEdges_FallsInTheRightHalf(int year, int month, int day, int hour, int minute, string label)
    {
        Decision decision = Engines.At(Instant.FromUtc(year, month, day, hour, minute)).Evaluate(Some.V1Permitted());

        Assert.Equal(label, DecisionAssert.SingleReport(decision).Period!.ToString());
    }

    [Theory]
    [InlineData(2025, 3, 31, 23, 59, "2025-Q1")]
    [InlineData(2025, 4, 1, 0, 0, "2025-Q2")]
    [InlineData(2025, 9, 30, 23, 59, "2025-Q3")]
    [InlineData(2025, 12, 31, 23, 59, "2025-Q4")]
    public void Evaluate_V2PermitAtQuarterEdges_FallsInTheRightQuarter(int year, int month, int day, int hour, int minute, string label)
    {
        Decision decision = Engines.At(Instant.FromUtc(year, month, day, hour, minute)).Evaluate(Some.V2Permitted());

        Assert.Equal(label, DecisionAssert.SingleReport(decision).Period!.ToString());
    }

    [Fact]
    public void Evaluate_EngineZone_DecidesWhichDayAndSoWhichPeriodADecisionFallsIn()
    {
        Instant lateOnNewYearsEve = Instant.FromUtc(2024, 12, 31, 23, 30);
        DateTimeZone berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2024, 12, 31));

        Decision utc = Engines.At(lateOnNewYearsEve).Evaluate(request);
        Decision local = Engines.At(lateOnNewYearsEve, berlin).Evaluate(request);

        Assert.Equal("2024-Q4", DecisionAssert.SingleReport(utc).Period!.ToString());
        Assert.Equal("2025-Q1", DecisionAssert.SingleReport(local).Period!.ToString());
    }

    [Fact]
    public void Evaluate_AffectedUsers_CountsAccountsWithAtLeastOnePermittedItem()
    {
        LegalRequest request = Some.With(
            Some.V2Permitted(),
            subjects:
            [
                new Subject("@one", SubjectStatus.Suspect, OffenceCategory.FirearmsTrafficking),
                new Subject("@two", SubjectStatus.Accused, OffenceCategory.ForgedDocuments),
                new Subject("@three", SubjectStatus.Victim, OffenceCategory.ForgedDocuments),
            ],
            data: [DataCategory.IpAddress, DataCategory.PhoneNumber, DataCategory.Contacts],
            jurisdiction: "de");

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.PartiallyPermitted, decision.Outcome);
        Assert.Equal(4, decision.Results.Count(r => r.Outcome == ItemOutcome.Permitted));
        TransparencyReportEntry entry = DecisionAssert.SingleReport(decision);
        Assert.Equal(2, entry.AffectedUsers);
        Assert.Equal(1, entry.FulfilledRequests);
        Assert.Equal("DE", entry.Country);
        Assert.Single(decision.Obligations);
    }

    [Theory]
    [InlineData("invalid order")]
    [InlineData("pending analysis")]
    [InlineData("preservation")]
    [InlineData("contacts only")]
    public void Evaluate_NothingPermitted_RecordsNothingInTheReport(string scenario)
    {
        LegalRequest request = scenario switch
        {
            "invalid order" => Some.With(Some.V2Permitted(), valid: false),
            "pending analysis" => Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed),
            "preservation" => Some.With(Some.V1Permitted(), preservationOnly: true),
            _ => Some.With(Some.V1Permitted(), data: [DataCategory.Contacts]),
        };

        Decision decision = Engine.Evaluate(request);

        Assert.False(decision.IsPermitted);
        DecisionAssert.NoReport(decision);
    }
}
