using System.Net;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Service.Tests.Support;

namespace DisclosurePolicy.Service.Tests;

public sealed class EvaluationsApiTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Evaluate_PermittedRequest_ReturnsItsDecisionRecordUnderV2()
    {
        HttpResponseMessage response = await factory.Client("intake").PostAsync("/evaluations", Json(SampleRequests.Permitted("EV-1")));

        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement record = JsonDocument.Parse(body).RootElement;
        Assert.Equal("EV-1", record.GetProperty("requestId").GetString());
        Assert.Equal("MayDisclose", record.GetProperty("outcome").GetString());
        Assert.Equal("V2", record.GetProperty("version").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Evaluate_NamedVersion_DecidesUnderIt()
    {
        HttpResponseMessage response = await factory.Client("legal").PostAsync("/evaluations?version=V1", Json(SampleRequests.Permitted("EV-2")));

        JsonElement record = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Deny", record.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Evaluate_RequestWithThreeProblems_Returns400NamingEachWithPathValueAndWhy()
    {
        HttpResponseMessage response = await factory.Client("intake").PostAsync("/evaluations?version=V9", Json(SampleRequests.WithThreeProblems("EV-3")));

        JsonElement problem = await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest);
        List<(string Path, string? Value, string Message)> problems = ProblemAnswer.Problems(problem);
        Assert.Contains(problems, p => p.Path == "instrument" && p.Value == "Subpoena" && p.Message.Contains("CourtOrder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "jurisdiction" && p.Value == "XX");
        Assert.Contains(problems, p => p.Path == "receivedOn" && p.Value == "2025-02-30");
        Assert.Contains(problems, p => p.Path == "version" && p.Value == "V9" && p.Message.Contains("V0, V1, V2", StringComparison.Ordinal));
        Assert.True(problem.GetProperty("errors").TryGetProperty("jurisdiction", out _));
    }

    [Fact]
    public async Task Evaluate_MalformedJson_Returns400WithThePosition()
    {
        HttpResponseMessage response = await factory.Client("intake").PostAsync("/evaluations", Json("{ \"id\": "));

        JsonElement problem = await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAnswer.Problems(problem));
    }

    [Fact]
    public async Task Evaluate_BodyOverTheLimit_Returns413()
    {
        string padded = SampleRequests.Permitted("EV-4").Replace("Competent judge", new string('x', 70_000), StringComparison.Ordinal);

        HttpResponseMessage response = await factory.Client("intake").PostAsync("/evaluations", Json(padded));

        JsonElement problem = await ProblemAnswer.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
