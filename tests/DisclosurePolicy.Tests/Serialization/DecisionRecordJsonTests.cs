using System.Text.Json;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Serialization;

public class DecisionRecordJsonTests
{
    [Fact]
    public void Write_PermittedRecord_HasTheDocumentedShape()
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 9, 30), Recorded.Utc(2025, 2, 10, 8));

        using JsonDocument json = JsonDocument.Parse(DecisionRecordJson.Write(record));
        JsonElement root = json.RootElement;

        Assert.Equal("disclosure-record/1", root.GetProperty("schema").GetString());
        Assert.Equal("REQ-2025-001", root.GetProperty("requestId").GetString());
        Assert.Equal("2025-02-10T08:00:00Z", root.GetProperty("receivedAt").GetString());
        Assert.Equal("2025-02-12T09:30:00Z", root.GetProperty("decidedAt").GetString());
        Assert.Equal("V2", root.GetProperty("version").GetProperty("id").GetString());
        Assert.Equal(record.VersionContentHash, root.GetProperty("version").GetProperty("contentHash").GetString());
        Assert.Equal("Quarterly", root.GetProperty("version").GetProperty("cadence").GetString());
        Assert.Equal("MayDisclose", root.GetProperty("outcome").GetString());
        Assert.Equal("Permitted", root.GetProperty("results")[0].GetProperty("outcome").GetString());
        JsonElement entry = root.GetProperty("obligations")[0].GetProperty("reportEntry");
        Assert.Equal("2025-01-01", entry.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2025-03-31", entry.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal(1, entry.GetProperty("affectedUsers").GetInt32());
        Assert.Equal("CourtOrder", root.GetProperty("request").GetProperty("instrument").GetString());
        Assert.DoesNotContain('\n', DecisionRecordJson.Write(record));
    }

    [Fact]
    public void Read_WrittenRecord_RoundTripsEqual()
    {
        DecisionRecord record = Recorded.Of(Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress, DataCategory.Contacts]));

        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(DecisionRecordJson.Write(record, indented: true));

        Assert.True(back.IsValid, back.Problems.ToString());
        Assert.Equal(record, back.Value);
        Assert.Equal(record.Decision.Explain(), back.Value!.Decision.Explain());
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 1000)]
    public bool Read_AnyRecord_RoundTripsEqual(RecordSample sample)
    {
        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(DecisionRecordJson.Write(sample.Record));
        return back.IsValid && sample.Record.Equals(back.Value) && DecisionRecordJson.Write(back.Value!) == DecisionRecordJson.Write(sample.Record);
    }

    [Fact]
    public void Read_InvalidRequestRecord_KeepsTheRequestAsGiven()
    {
        LegalRequest invalid = Some.With(Some.V2Permitted(), jurisdiction: "XX", subjects: []);
        DecisionRecord record = Recorded.Of(invalid);

        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(DecisionRecordJson.Write(record));

        Assert.True(back.IsValid, back.Problems.ToString());
        Assert.Equal(invalid, back.Value!.Request);
        Assert.Contains(back.Value.Decision.Reasons, r => r.Code == "InsufficientInformation");
    }

    [Fact]
    public void Read_UnknownSchema_RefusedWithTheSupportedOne()
    {
        string json = DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted())).Replace("disclosure-record/1", "disclosure-record/9");

        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(json);

        Assert.Null(back.Value);
        Assert.Equal("schema = 'disclosure-record/9': unsupported record schema; this reader reads disclosure-record/1", Assert.Single(back.Problems.Problems).ToString());
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEachWithItsPath()
    {
        string json = DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted()))
            .Replace("\"outcome\":\"MayDisclose\"", "\"outcome\":\"Allowed\"")
            .Replace("\"decidedAt\":\"2025-02-12T09:30:00Z\"", "\"decidedAt\":\"yesterday\"")
            .Replace("\"cadence\":\"Quarterly\",\"period\"", "\"cadence\":\"Weekly\",\"period\"")
            .Replace("\"requestId\":", "\"requestID\":\"x\",\"requestId\":")
            .Replace("\"instrument\":\"CourtOrder\"", "\"instrument\":\"Letter\"");

        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(json);

        Assert.Null(back.Value);
        string[] problems = [.. back.Problems.Problems.Select(p => p.ToString())];
        Assert.Contains(problems, p => p.StartsWith("outcome = 'Allowed': not a known DecisionOutcome; accepted: MayDisclose, PartiallyPermitted"));
        Assert.Contains("decidedAt = 'yesterday': expected an instant such as 2025-02-12T09:30:00Z", problems);
        Assert.Contains(problems, p => p.StartsWith("obligations[0].reportEntry.cadence = 'Weekly': not a known ReportingCadence"));
        Assert.Contains("requestID: unknown field; check its spelling against the documented format", problems);
        Assert.Contains(problems, p => p.StartsWith("request.instrument = 'Letter': not a known InstrumentKind"));
    }

    [Fact]
    public void Read_TamperedHashOrPeriod_Refused()
    {
        string json = DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted()));
        string badHash = json.Replace("\"contentHash\":\"sha256:", "\"contentHash\":\"md5:");
        string badPeriod = json.Replace("\"end\":\"2025-03-31\"", "\"end\":\"2025-04-30\"");

        Assert.Contains(DecisionRecordJson.Read(badHash).Problems.Problems, p => p.Path == "version.contentHash");
        Assert.Contains(DecisionRecordJson.Read(badPeriod).Problems.Problems, p => p.ToString() == "obligations[0].reportEntry.period = '2025-01-01..2025-04-30': not a Quarterly reporting period");
    }

    [Fact]
    public void Read_MalformedJson_ReportsLineAndPosition()
    {
        ReadResult<DecisionRecord> back = DecisionRecordJson.Read("{\"schema\": \"disclosure-record/1\",\n \"requestId\" 1}");

        Assert.Null(back.Value);
        Assert.StartsWith("$: malformed JSON at line 2, position", Assert.Single(back.Problems.Problems).ToString());
    }

    [Fact]
    public void Read_MismatchedRequestId_Refused()
    {
        string json = DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted())).Replace("\"requestId\":\"REQ-2025-001\"", "\"requestId\":\"REQ-OTHER\"");

        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(json);

        Assert.Equal("requestId = 'REQ-OTHER': does not match request.id 'REQ-2025-001'", Assert.Single(back.Problems.Problems).ToString());
    }

    [Fact]
    public void Read_NoReasons_Refused()
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted());
        using JsonDocument doc = JsonDocument.Parse(DecisionRecordJson.Write(record));
        string reasons = doc.RootElement.GetProperty("reasons").GetRawText();
        string json = DecisionRecordJson.Write(record).Replace("\"reasons\":" + reasons, "\"reasons\":[]");

        ReadResult<DecisionRecord> back = DecisionRecordJson.Read(json);

        Assert.Equal("reasons: a decision has at least one reason", Assert.Single(back.Problems.Problems).ToString());
    }

    [Fact]
    public void Write_DecidedAtWithFraction_RoundTripsExactly()
    {
        Instant at = Instant.FromUtc(2025, 2, 12, 9, 30) + Duration.FromTicks(1234567);
        DecisionRecord record = Recorded.Of(Some.V2Permitted(), at);

        Assert.Equal(at, DecisionRecordJson.Read(DecisionRecordJson.Write(record)).Value!.DecidedAt);
    }
}
