using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Serialization;

public class RequestJsonTests
{
    private const string FrenchDrugCase = """
        {
          "id": "FR-PJ-2025-00417",
          "receivedOn": "2025-02-10",
          "issuedOn": "2025-02-07",
          "instrument": "CourtOrder",
          "authority": { "kind": "InvestigatingJudge", "name": "Tribunal judiciaire de Paris, juge d'instruction" },
          "jurisdiction": "FR",
          "proceeding": "Criminal",
          "orderIsValid": true,
          "issuerIsRelevant": true,
          "recipient": "LawEnforcementAuthority",
          "provenance": { "channel": "LawEnforcementPortal", "verification": "VerifiedOutOfBand" },
          "subjects": [
            { "accountReference": "user:5830017722", "status": "Suspect", "offences": ["DrugTrafficking", "MoneyLaundering"] }
          ],
          "requestedData": ["IpAddress", "PhoneNumber", "CloudMessageContent"],
          "legalAnalysis": { "outcome": "Passed", "grounds": "Competent investigating judge; offence listed in ToS item 4." }
        }
        """;

    [Fact]
    public void Read_RealLookingOrder_ReadsEveryFact()
    {
        ReadResult<LegalRequest> result = RequestJson.Read(FrenchDrugCase);

        Assert.True(result.IsValid, result.Problems.ToString());
        LegalRequest r = result.Value!;
        Assert.Equal("FR-PJ-2025-00417", r.Id);
        Assert.Equal(new NodaTime.LocalDate(2025, 2, 10), r.ReceivedOn);
        Assert.Equal(IssuingAuthorityKind.InvestigatingJudge, r.Authority.Kind);
        Assert.Equal("FR", r.Jurisdiction.Code);
        Assert.Equal([OffenceCategory.DrugTrafficking, OffenceCategory.MoneyLaundering], r.Subjects[0].Offences);
        Assert.Equal([DataCategory.IpAddress, DataCategory.PhoneNumber, DataCategory.CloudMessageContent], r.RequestedData);
        Assert.Equal(LegalAnalysisOutcome.Passed, r.LegalAnalysis.Outcome);
    }

    [Fact]
    public void Write_ThenRead_RoundTripsEqual()
    {
        LegalRequest original = Some.V2Permitted();

        ReadResult<LegalRequest> back = RequestJson.Read(RequestJson.Write(original));

        Assert.True(back.IsValid, back.Problems.ToString());
        Assert.Equal(original, back.Value);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEachWithPathAndValue()
    {
        string json = FrenchDrugCase
            .Replace("\"CourtOrder\"", "\"CourtOrdre\"")
            .Replace("\"2025-02-10\"", "\"2025-02-30\"")
            .Replace("\"issuerIsRelevant\": true,", string.Empty)
            .Replace("\"jurisdiction\": \"FR\"", "\"jurisdiction\": \"XX\", \"jurisdicton\": \"FR\"");

        ReadResult<LegalRequest> result = RequestJson.Read(json);

        Assert.Null(result.Value);
        string[] problems = [.. result.Problems.Problems.Select(p => p.ToString())];
        Assert.Contains(problems, p => p.StartsWith("instrument = 'CourtOrdre': not a known InstrumentKind; accepted: CourtOrder, SearchWarrant"));
        Assert.Contains(problems, p => p.StartsWith("receivedOn = '2025-02-30': not a calendar date"));
        Assert.Contains("issuerIsRelevant: required field is missing", problems);
        Assert.Contains("jurisdicton: unknown field; check its spelling against the documented format", problems);
    }

    [Fact]
    public void ReadMany_MalformedJson_ReportsLineAndPosition()
    {
        IReadOnlyList<ReadResult<LegalRequest>> results = RequestJson.ReadMany("[\n  { \"id\": \"A\",\n    \"receivedOn\" \"2025-01-01\" }\n]");

        ReadResult<LegalRequest> only = Assert.Single(results);
        Assert.Null(only.Value);
        Assert.StartsWith("$: malformed JSON at line 3, position", only.Problems.Problems[0].ToString());
    }

    [Fact]
    public void ReadMany_TruncatedJson_ReportsOneBasedPositionWithoutTheParsersOwn()
    {
        IReadOnlyList<ReadResult<LegalRequest>> results = RequestJson.ReadMany("{\"id\": \"A\",\n \"instrument\": \"CourtOrder\", ");

        string problem = Assert.Single(Assert.Single(results).Problems.Problems).ToString();
        Assert.StartsWith("$: malformed JSON at line 2, position 30: ", problem);
        Assert.DoesNotContain("LineNumber", problem);
        Assert.DoesNotContain("BytePositionInLine", problem);
    }

    [Fact]
    public void Read_ShapeProblemBesideInvalidFacts_ReportsBothInOnePass()
    {
        string json = FrenchDrugCase
            .Replace("\"CourtOrder\"", "\"CourtOrdre\"", StringComparison.Ordinal)
            .Replace("\"FR\"", "\"XX\"", StringComparison.Ordinal)
            .Replace("\"2025-02-07\"", "\"2025-02-12\"", StringComparison.Ordinal);

        ReadResult<LegalRequest> result = RequestJson.Read(json);

        Assert.Null(result.Value);
        string[] problems = [.. result.Problems.Problems.Select(p => p.ToString())];
        Assert.Contains(problems, p => p.StartsWith("instrument = 'CourtOrdre': not a known InstrumentKind", StringComparison.Ordinal));
        Assert.Contains("jurisdiction = 'XX': not an ISO 3166-1 alpha-2 country code", problems);
        Assert.Contains("issuedOn = '2025-02-12': an order cannot be issued after it was received (2025-02-10)", problems);
        Assert.Equal(3, problems.Length);
    }

    [Fact]
    public void Read_MissingObjectAndEnum_ReportsEachFieldOnce()
    {
        string json = """{ "id": "A", "receivedOn": "2025-02-10", "jurisdiction": "FR" }""";

        ReadResult<LegalRequest> result = RequestJson.Read(json);

        Assert.Null(result.Value);
        string[] paths = [.. result.Problems.Problems.Select(p => p.Path)];
        Assert.Equal(paths.Distinct().Count(), paths.Length);
        Assert.Equal(["instrument", "authority", "proceeding", "orderIsValid", "issuerIsRelevant", "recipient", "provenance", "subjects", "requestedData"], paths);
    }

    [Fact]
    public void Read_TrailingComma_ReportsPositionWithoutAdviceToProgrammers()
    {
        ReadResult<LegalRequest> result = RequestJson.Read("{ \"id\": \"A\", }");

        string problem = Assert.Single(result.Problems.Problems).ToString();
        Assert.StartsWith("$: malformed JSON at line 1, position ", problem);
        Assert.Contains("trailing comma", problem);
        Assert.DoesNotContain("reader options", problem);
    }

    [Fact]
    public void ReadEach_MalformedAfterGoodRequests_YieldsOnlyTheProblemAndNoRequest()
    {
        string good = RequestJson.Write(Some.V2Permitted());

        ReadResult<LegalRequest>[] results = [.. RequestJson.ReadEach($"[{good}, {good}, {{\"id\": ]")];

        ReadResult<LegalRequest> only = Assert.Single(results);
        Assert.Null(only.Value);
        Assert.StartsWith("malformed JSON at line ", Assert.Single(only.Problems.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadEach_MixedArray_YieldsWhatReadManyReturnsInOrder()
    {
        string good = RequestJson.Write(Some.V2Permitted());
        string json = $"[{good}, \"not a request\", {{}}, {good}]";

        ReadResult<LegalRequest>[] each = [.. RequestJson.ReadEach(json)];
        IReadOnlyList<ReadResult<LegalRequest>> many = RequestJson.ReadMany(json);

        Assert.Equal(many.Select(r => (r.Index, r.Value, r.Problems.ToString())), each.Select(r => (r.Index, r.Value, r.Problems.ToString())));
        Assert.Equal([true, false, false, true], each.Select(r => r.IsValid));
    }

    [Fact]
    public void ReadMany_MixedArray_KeepsTheGoodRequests()
    {
        string good = RequestJson.Write(Some.V2Permitted("GOOD-1"));
        string json = $"[{good}, {{ \"id\": 7 }}, {good.Replace("GOOD-1", "GOOD-2")}]";

        IReadOnlyList<ReadResult<LegalRequest>> results = RequestJson.ReadMany(json);

        Assert.Equal(3, results.Count);
        Assert.Equal("GOOD-1", results[0].Value!.Id);
        Assert.Null(results[1].Value);
        Assert.Contains(results[1].Problems.Problems, p => p.Path == "[1].id" && p.Value == "7");
        Assert.Equal("GOOD-2", results[2].Value!.Id);
    }
}
