using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Issues;

/// <summary>The hardening issue's messages (#17, item 13): the default date was reported as missing, the calendar's
/// first and last dates printed as <c>-9998-01-01</c> and <c>Tuesday, 01 January 9999</c>, and a record's refusal ended in
/// <c>(Parameter 'decision')</c>.</summary>
public class HardeningMessagesTests
{
    private const string YearBeforeOne = "a year before 1, which yyyy-MM-dd cannot write; accepted: 0001-01-01 to 9999-12-31";

    private static string Request(string receivedOn) =>
        RequestJson.Write(Some.V2Permitted()).Replace("\"receivedOn\": \"2025-02-10\"", $"\"receivedOn\": \"{receivedOn}\"", StringComparison.Ordinal);

    [Fact]
    public void RequestRead_ReceivedOnTheDefaultDate_SaysWhatIsWrongAndTheAcceptedDates()
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request("0001-01-01"));

        ValidationProblem problem = Assert.Single(read.Problems.Problems);
        Assert.Equal(
            "receivedOn = '0001-01-01': the default of an unset date, not a receipt date (it selects the rule version); accepted: 0001-01-02 to 9999-12-31",
            problem.ToString());
    }

    [Theory]
    [InlineData("-9998-01-01")]
    [InlineData("0000-06-01")]
    [InlineData("-0001-12-31")]
    public void RequestRead_YearBeforeOne_IsRefusedWithTheAcceptedDates(string date)
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request(date));

        Assert.Equal($"receivedOn = '{date}': {YearBeforeOne}", Assert.Single(read.Problems.Problems).ToString());
    }

    [Fact]
    public void RequestRead_LastDateOfTheCalendar_IsReadAndPrintedAsIso()
    {
        LegalRequest request = (RequestFacts.Of(Some.V2Permitted()) with { ReceivedOn = new LocalDate(9999, 12, 31) }).ToRequest();

        ValidationProblem problem = Assert.Single(request.Validate(new LocalDate(2026, 1, 1)).Problems);

        Assert.Equal("receivedOn = '9999-12-31': the request cannot have been received after the day of the decision (2026-01-01)", problem.ToString());
        Assert.Contains(" received 9999-12-31 ", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyRead_EffectiveFromBeforeYearOne_IsRefusedWithTheAcceptedDates()
    {
        string json = BuiltInRules.Json.Replace("\"effectiveFrom\": \"2024-09-23\"", "\"effectiveFrom\": \"-9998-01-01\"", StringComparison.Ordinal);

        ReadResult<Policy> read = PolicyJson.Read(json);

        Assert.Contains(read.Problems.Problems, p => p.ToString().EndsWith($"effectiveFrom = '-9998-01-01': {YearBeforeOne}", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RequestBuiltInCodeWithTheCalendarsFirstDate_NamesTheAcceptedDates()
    {
        LegalRequest request = (RequestFacts.Of(Some.V2Permitted()) with { ReceivedOn = LocalDate.MinIsoValue, IssuedOn = LocalDate.MinIsoValue }).ToRequest();

        Assert.Equal(
            [
                "receivedOn = '-9998-01-01': a year before 1, which yyyy-MM-dd cannot write; accepted: 0001-01-02 to 9999-12-31",
                $"issuedOn = '-9998-01-01': {YearBeforeOne}",
            ],
            request.Validate().Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void DecisionRecordTryCreate_RequestTheFormatCannotHold_GivesAPlainSentenceWithIsoDates()
    {
        LegalRequest request = (RequestFacts.Of(Some.V2Permitted()) with { ReceivedOn = LocalDate.MinIsoValue, IssuedOn = null }).ToRequest();
        Decision decision = Engines.BuiltIn().Evaluate(request, BuiltInRules.V0);
        Instant received = Instant.FromUtc(2025, 2, 10, 0, 0);

        DecisionRecord? record = DecisionRecord.TryCreate(request, received, decision, BuiltInRules.V0, out string? problem);

        Assert.Null(record);
        Assert.Equal(
            $"The decision on request '{request.Id}' cannot be recorded: the request format cannot hold it: request.receivedOn = '-9998-01-01': {YearBeforeOne}.",
            problem);
        var thrown = Assert.Throws<ArgumentException>(() => DecisionRecord.Create(request, received, decision, BuiltInRules.V0));
        Assert.StartsWith(problem!, thrown.Message, StringComparison.Ordinal);
        Assert.Equal("decision", thrown.ParamName);
    }

    [Fact]
    public void DecisionRecordTryCreate_RecordableDecision_ReturnsTheRecordAndNoProblem()
    {
        LegalRequest request = Some.V2Permitted();
        Decision decision = Engines.BuiltIn().Evaluate(request);

        DecisionRecord? record = DecisionRecord.TryCreate(request, Instant.FromUtc(2025, 2, 10, 9, 0), decision, BuiltInRules.V2, out string? problem);

        Assert.NotNull(record);
        Assert.Null(problem);
        Assert.Equal(request.Id, record.RequestId);
    }

    [Fact]
    public void Counterexample_VersionsInForceForever_CarriesADateAFileCanHold()
    {
        RuleVersion v2 = BuiltInRules.V2;
        RuleVersion Always(string id, params Clause[] clauses) => new(
            id, v2.Title, LocalDate.MinIsoValue, null, v2.Citation, v2.Wording, v2.Cadence, v2.TermsOfService, clauses, null);
        RuleVersion permits = Always("P", new Clause("p/all", "P", "all", "Everything asked.", Condition.Always, ClauseEffect.Permit("All", DataCategory.IpAddress)));
        RuleVersion denies = Always("D", new Clause("d/none", "D", "none", "Nothing.", Condition.Always, ClauseEffect.Deny("None")));

        ComparisonVerdict verdict = VersionComparer.IsAtMostAsPermissive(permits, denies);

        Assert.False(verdict.Holds);
        LegalRequest example = verdict.Counterexample!;
        Assert.True(example.ReceivedOn > default(LocalDate), example.ReceivedOn.ToString("uuuu-MM-dd", null));
        Assert.True(RequestJson.Read(RequestJson.Write(example)).IsValid);
    }
}
