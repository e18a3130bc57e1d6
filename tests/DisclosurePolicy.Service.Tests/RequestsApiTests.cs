using System.Net;
using System.Text.Json;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePolicy.Service.Tests.EvaluationsApiTests;

namespace DisclosurePolicy.Service.Tests;

/// <summary>A request's life over HTTP, against each store (<see cref="SqliteRequestsApiTests"/>, <see cref="PostgreSqlRequestsApiTests"/>).</summary>
public abstract class RequestsApiTests(ServiceFactory factory)
{
    private IDecisionRecorder Store => factory.Services.GetRequiredService<IDecisionRecorder>();

    [StoreFact]
    public async Task Request_WholeLifeOverHttp_IsRecordedAcknowledgedDisclosedAndReported()
    {
        HttpClient intake = factory.Client("intake");
        HttpClient legal = factory.Client("legal");
        HttpClient auditor = factory.Client("auditor");

        HttpResponseMessage submitted = await intake.PostAsync("/requests?receivedAt=2025-02-10T08:15:00Z", Json(SampleRequests.Permitted("LIFE-1")));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("/requests/LIFE-1", submitted.Headers.Location?.OriginalString);
        JsonElement record = await Body(submitted);
        Assert.Equal("MayDisclose", record.GetProperty("outcome").GetString());
        Assert.Equal("2025-02-10T08:15:00Z", record.GetProperty("receivedAt").GetString());

        Assert.Equal(HttpStatusCode.Created, (await intake.PostAsync("/requests/LIFE-1/acknowledgement", Json("""{ "at": "2025-02-10T16:00:00Z" }"""))).StatusCode);
        string disclosedAt = DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        HttpResponseMessage disclosed = await legal.PostAsync("/requests/LIFE-1/disclosures", Json($$"""{ "at": "{{disclosedAt}}", "items": [ { "accountReference": "{{SampleRequests.Account}}", "category": "IpAddress" } ] }"""));
        Assert.Equal(HttpStatusCode.Created, disclosed.StatusCode);
        Assert.Equal("Disclosed", (await Body(disclosed)).GetProperty("event").GetString());

        JsonElement history = await Body(await auditor.GetAsync("/requests/LIFE-1"));
        Assert.Equal("LIFE-1", history.GetProperty("record").GetProperty("requestId").GetString());
        Assert.Equal(["Acknowledged", "Disclosed"], history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()!));

        string csv = await auditor.GetStringAsync($"/reports/transparency?from=2025-01-01&to={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}&format=csv");
        Assert.Contains("FR,", csv, StringComparison.Ordinal);
        JsonElement dsa = await Body(await auditor.GetAsync("/reports/dsa?from=2025-01-01&to=2025-12-31"));
        Assert.Contains(dsa.GetProperty("rows").EnumerateArray(), r => r.GetProperty("memberState").GetString() == "FR");
    }

    [StoreFact]
    public async Task Submit_SameRequestTwiceInParallel_RecordsItOnce()
    {
        HttpClient intake = factory.Client("intake");

        HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => intake.PostAsync("/requests", Json(SampleRequests.Permitted("TWICE-1")))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        RequestHistory? history = await Store.FindHistoryAsync("TWICE-1");
        Assert.NotNull(history);
        Assert.Single(history.Events);
    }

    [StoreFact]
    public async Task Submit_DifferentDecisionUnderARecordedId_Returns409AndTheFirstStands()
    {
        HttpClient intake = factory.Client("intake");
        Assert.Equal(HttpStatusCode.Created, (await intake.PostAsync("/requests", Json(SampleRequests.Permitted("CONFLICT-1")))).StatusCode);

        HttpResponseMessage response = await intake.PostAsync("/requests", Json(SampleRequests.Failed("CONFLICT-1")));

        JsonElement problem = await ProblemAnswer.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(problem.GetProperty("conflicts").EnumerateArray(), c => c.GetString() == "outcome differs");
        Assert.Equal(DecisionOutcome(), (await Store.FindAsync("CONFLICT-1"))!.Outcome.ToString());

        static string DecisionOutcome() => "MayDisclose";
    }

    [StoreFact]
    public async Task Submit_BadRequest_Returns400WithEveryProblemAndWritesNothing()
    {
        long before = await Store.CountAsync();

        HttpResponseMessage response = await factory.Client("intake").PostAsync("/requests?receivedAt=yesterday", Json(SampleRequests.WithThreeProblems("BAD-1")));

        List<(string Path, string? Value, string Message)> problems = ProblemAnswer.Problems(await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(["instrument", "jurisdiction", "receivedAt", "receivedOn"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Null(await Store.FindAsync("BAD-1"));
        Assert.Equal(before, await Store.CountAsync());
    }

    [StoreFact]
    public async Task Submit_ReceivedInTheFuture_Returns400AndWritesNothing()
    {
        string future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        HttpResponseMessage response = await factory.Client("intake").PostAsync("/requests", Json(SampleRequests.Permitted("FUTURE-1").Replace("2025-02-10", future, StringComparison.Ordinal)));

        List<(string Path, string? Value, string Message)> problems = ProblemAnswer.Problems(await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(("receivedOn", future), (problems.Single().Path, problems.Single().Value));
        Assert.Null(await Store.FindAsync("FUTURE-1"));
    }

    [StoreFact]
    public async Task Submit_BodyOverTheLimit_Returns413AndWritesNothing()
    {
        string padded = SampleRequests.Permitted("BIG-1").Replace("Competent judge", new string('x', 70_000), StringComparison.Ordinal);

        HttpResponseMessage response = await factory.Client("intake").PostAsync("/requests", Json(padded));

        await ProblemAnswer.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(await Store.FindAsync("BIG-1"));
    }

    [StoreFact]
    public async Task Endpoints_UnknownRequest_Return404()
    {
        foreach ((string? action, string role) in new (string?, string)[] { ("acknowledgement", "intake"), ("disclosures", "legal"), ("closing", "legal"), (null, "auditor") })
        {
            HttpClient client = factory.Client(role);
            HttpResponseMessage response = action is null
                ? await client.GetAsync("/requests/NO-SUCH-1")
                : await client.PostAsync($"/requests/NO-SUCH-1/{action}", Json("""{ "at": "2025-02-11T00:00:00Z", "reason": "withdrawn" }"""));

            JsonElement problem = await ProblemAnswer.ReadAsync(response, HttpStatusCode.NotFound);
            Assert.Contains("NO-SUCH-1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task Disclose_ItemNotPermittedAndBeforeReceipt_Returns409NamingBothAndWritesNothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await factory.Client("intake").PostAsync("/requests", Json(SampleRequests.Permitted("REFUSE-1")))).StatusCode);

        HttpResponseMessage response = await factory.Client("legal").PostAsync(
            "/requests/REFUSE-1/disclosures",
            Json($$"""{ "at": "2025-02-01T00:00:00Z", "items": [ { "accountReference": "{{SampleRequests.Account}}", "category": "Contacts" } ] }"""));

        JsonElement problem = await ProblemAnswer.ReadAsync(response, HttpStatusCode.Conflict);
        string[] conflicts = [.. problem.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()!)];
        Assert.Contains(conflicts, c => c.StartsWith("at = 2025-02-01T00:00:00Z: before the request was received", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("Contacts", StringComparison.Ordinal));
        Assert.Single((await Store.FindHistoryAsync("REFUSE-1"))!.Events);
    }

    [StoreFact]
    public async Task Close_BadBody_Returns400WithEveryProblemAndWritesNothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await factory.Client("intake").PostAsync("/requests", Json(SampleRequests.Permitted("CLOSE-1")))).StatusCode);

        HttpResponseMessage response = await factory.Client("legal").PostAsync("/requests/CLOSE-1/closing", Json("""{ "at": "soon", "requestId": "OTHER", "colour": "red" }"""));

        List<(string Path, string? Value, string Message)> problems = ProblemAnswer.Problems(await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains(problems, p => p.Path == "requestId" && p.Message.Contains("route", StringComparison.Ordinal));
        Assert.Single((await Store.FindHistoryAsync("CLOSE-1"))!.Events);

        response = await factory.Client("legal").PostAsync("/requests/CLOSE-1/closing", Json("""{ "at": "soon", "colour": "red" }"""));

        problems = ProblemAnswer.Problems(await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains(problems, p => p.Path == "at" && p.Value == "soon");
        Assert.Contains(problems, p => p.Path == "reason");
        Assert.Contains(problems, p => p.Path == "colour");
        Assert.Single((await Store.FindHistoryAsync("CLOSE-1"))!.Events);
    }

    [StoreFact]
    public async Task Disclose_WithoutItems_HandsOverEveryPermittedItem()
    {
        Assert.Equal(HttpStatusCode.Created, (await factory.Client("intake").PostAsync("/requests", Json(SampleRequests.Permitted("ALL-1")))).StatusCode);
        string at = DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        HttpResponseMessage response = await factory.Client("legal").PostAsync("/requests/ALL-1/disclosures", Json($$"""{ "at": "{{at}}" }"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await Store.FindHistoryAsync("ALL-1"))!.DisclosedItems.Count);
    }

    [StoreFact]
    public async Task Logs_AfterAWholeLifeAndItsErrors_NeverHoldAnAccountReference()
    {
        await Request_WholeLifeOverHttp_IsRecordedAcknowledgedDisclosedAndReported_Again("LOG-1");
        await factory.Client("legal").PostAsync("/requests/LOG-1/disclosures", Json($$"""{ "at": "2025-02-01T00:00:00Z", "items": [ { "accountReference": "{{SampleRequests.Account}}", "category": "Contacts" } ] }"""));
        await factory.Client("intake").PostAsync("/requests", Json(SampleRequests.Failed("LOG-1")));

        Assert.Contains(factory.Logs.Lines, l => l.Contains("LOG-1", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("58213377", StringComparison.Ordinal));
    }

    private async Task Request_WholeLifeOverHttp_IsRecordedAcknowledgedDisclosedAndReported_Again(string id)
    {
        Assert.Equal(HttpStatusCode.Created, (await factory.Client("intake").PostAsync("/requests", Json(SampleRequests.Permitted(id)))).StatusCode);
        string at = DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await factory.Client("legal").PostAsync($"/requests/{id}/disclosures", Json($$"""{ "at": "{{at}}" }"""))).StatusCode);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

/// <summary>The request's life against the SQLite store.</summary>
public sealed class SqliteRequestsApiTests(ServiceFactory factory) : RequestsApiTests(factory), IClassFixture<ServiceFactory>;

/// <summary>The request's life against the PostgreSQL server of <c>.ci/run</c>.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlRequestsApiTests(PostgreSqlServiceFactory factory) : RequestsApiTests(factory), IClassFixture<PostgreSqlServiceFactory>;
