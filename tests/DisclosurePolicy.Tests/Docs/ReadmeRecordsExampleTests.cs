using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;
using NodaTime.Testing;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Docs;

/// <summary>The README's records-and-reports example and the record shown in docs/record-format.md, compiled and checked.</summary>
public sealed class ReadmeRecordsExampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dp-readme-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static LegalRequest Request(string id, LocalDate receivedOn, OffenceCategory offence) => new()
    {
        Id = id,
        ReceivedOn = receivedOn,
        Instrument = InstrumentKind.CourtOrder,
        Authority = new IssuingAuthority(IssuingAuthorityKind.InvestigatingJudge, "Tribunal judiciaire de Paris"),
        Jurisdiction = new Jurisdiction("FR"),
        Proceeding = ProceedingKind.Criminal,
        OrderIsValid = true,
        IssuerIsRelevant = true,
        Recipient = RecipientKind.LawEnforcementAuthority,
        Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
        Subjects = [new Subject("user:5830017722", SubjectStatus.Suspect, offence)],
        RequestedData = [DataCategory.IpAddress, DataCategory.CloudMessageContent],
        LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Competent judge; ToS item 4."),
    };

    [Fact]
    public async Task RecordsAndReports_AsWrittenInTheReadme_WorkAsDescribed()
    {
        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 2, 12, 9, 30)));
        LegalRequest request = Request("FR-PJ-2025-00417", new LocalDate(2025, 2, 10), OffenceCategory.DrugTrafficking);
        LegalRequest earlier = Request("FR-2020-0001", new LocalDate(2020, 3, 2), OffenceCategory.DrugTrafficking);
        Instant receivedAt = Instant.FromUtc(2025, 2, 10, 8, 0);
        string path = Path.Combine(_directory, "decisions.jsonl");

        DecisionRecord record = DecisionRecord.Decide(engine, request, receivedAt);
        Decision decidedEarlier = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2020, 3, 3, 9, 0))).Evaluate(earlier);
        DecisionRecord earlierRecord = DecisionRecord.Create(earlier, Instant.FromUtc(2020, 3, 2, 8, 0), decidedEarlier, BuiltInRules.V1);

        using (JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(path))
        {
            Assert.Empty(recorder.Problems);
            Assert.Equal(RecordOutcome.Recorded, await recorder.RecordAsync(record));
            Assert.Equal(RecordOutcome.AlreadyRecorded, await recorder.RecordAsync(record));
            await recorder.RecordAsync(earlierRecord);

            // What happened after the decision: reports count disclosures, not permissions.
            await recorder.AppendAsync(RequestEvent.Acknowledged(record.RequestId, Instant.FromUtc(2025, 2, 10, 9, 0)));
            await recorder.AppendAsync(RequestEvent.Disclosed(
                record.RequestId, Instant.FromUtc(2025, 2, 14, 10, 0), [new DisclosedItem("user:5830017722", DataCategory.IpAddress)]));

            TransparencyReport report = await recorder.BuildTransparencyReportAsync(
                ReportingSchedule.VersionCadence(DateTimeZoneProviders.Tzdb["Europe/Berlin"]), dates: null);
            string published = report.ToPublishedCsv();
            string json = report.ToJson();
            DsaOrderReport dsa = await recorder.BuildDsaOrderReportAsync(ReportingSchedule.SemiAnnual(DateTimeZone.Utc), dates: null);
            RequestHistory? history = await recorder.FindHistoryAsync(record.RequestId);
            var fromFrance = new List<DecisionRecord>();
            await foreach (RequestHistory h in recorder.ReadHistoriesAsync(RecordQuery.All.WithCountry("FR")))
            {
                fromFrance.Add(h.Decision);
            }

            ReplayReport replay = new DecisionReplay(engine).Replay(fromFrance, "V2");

            Assert.Equal(3, history!.Events.Count);
            Assert.Equal(
                "country,period,start,end,fulfilled_requests,affected_users\r\n" +
                "FR,2020-H1,2020-01-01,2020-06-30,0,0\r\n" +
                "FR,2025-Q1,2025-01-01,2025-03-31,1,1\r\n",
                published);
            Assert.Contains("\"schema\": \"transparency-report/1\"", json);
            Assert.Equal(2, report.Received);
            Assert.Equal(["FR 2020-H1 DrugTrafficking: 1 order(s)", "FR 2025-H1 DrugTrafficking: 1 order(s)"], dsa.Rows.Select(r => r.ToString()));
            Assert.StartsWith("Replay under V2: 2 record(s), 1 changed, 1 would count differently in the published report.", replay.RenderText());
        }

        using JsonLinesDecisionRecorder reopened = JsonLinesDecisionRecorder.Open(path);
        Assert.Equal([record, earlierRecord], reopened.Records());
        Assert.Equal(3, reopened.FindHistory(record.RequestId)!.Events.Count);
    }

    [Fact]
    public void RecordFormatDoc_ExampleRecord_MatchesWhatIsWritten()
    {
        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 2, 12, 9, 30)));
        LegalRequest request = Request("FR-PJ-2025-00417", new LocalDate(2025, 2, 10), OffenceCategory.DrugTrafficking);
        Decision decided = engine.Evaluate(request);
        DecisionRecord record = DecisionRecord.Create(request, Instant.FromUtc(2025, 2, 10, 8, 0), decided, BuiltInRules.V2);

        using JsonDocument written = JsonDocument.Parse(DecisionRecordJson.Write(record));
        using JsonDocument documented = JsonDocument.Parse(DocumentedRecord());
        JsonElement w = written.RootElement;
        JsonElement d = documented.RootElement;

        foreach (string member in new[] { "schema", "requestId", "receivedAt", "decidedAt", "jurisdiction", "receivedOn", "version", "outcome", "results", "obligations" })
        {
            Assert.True(JsonElement.DeepEquals(d.GetProperty(member), w.GetProperty(member)), $"{member}: {w.GetProperty(member).GetRawText()}");
        }

        JsonElement reason = d.GetProperty("reasons")[0];
        Assert.Contains(w.GetProperty("reasons").EnumerateArray(), r => JsonElement.DeepEquals(r, reason));
    }

    private static string DocumentedRecord()
    {
        string doc = File.ReadAllText(Path.Combine(Packaging.PackageTests.RepositoryRoot(), "docs", "record-format.md"));
        int start = doc.IndexOf("```json\n{\n  \"schema\": \"disclosure-record/1\"", StringComparison.Ordinal) + "```json\n".Length;
        int end = doc.IndexOf("```", start, StringComparison.Ordinal);
        return doc[start..end];
    }
}
