using System.Net;
using System.Text.Json;
using DisclosurePolicy.Service.Tests.Support;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DisclosurePolicy.Service.Tests;

public sealed class HostingTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task OpenApi_Document_ListsEveryEndpoint()
    {
        HttpResponseMessage response = await factory.Client(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        foreach (EndpointCase endpoint in EndpointCatalogue.All.Where(e => !e.Template.StartsWith("/openapi", StringComparison.Ordinal) && !e.Template.StartsWith("/health", StringComparison.Ordinal)))
        {
            Assert.True(paths.TryGetProperty(endpoint.Template, out JsonElement path), $"{endpoint.Template} is missing from the document");
            Assert.True(path.TryGetProperty(endpoint.Method.ToLowerInvariant(), out _), $"{endpoint} is missing from the document");
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Endpoint_AnswersHealthyWithoutAKey(string path)
    {
        HttpResponseMessage response = await factory.Client(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownRoute_WithAKey_Returns404AsProblemDetails()
    {
        HttpResponseMessage response = await factory.Client("auditor").GetAsync("/no/such/route");

        await ProblemAnswer.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public void Store_ByDefault_IsTheSqliteFileTheConfigurationNames()
    {
        var store = Assert.IsType<SqliteDecisionRecorder>(factory.Services.GetRequiredService<IDecisionRecorder>());

        Assert.StartsWith(Path.GetTempPath(), store.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownStore_FailsNamingIt()
    {
        using ServiceFactory bad = new ServiceFactory().With("Store:Provider", "oracle");

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => bad.Server);

        Assert.Contains("Store:Provider = 'oracle': not a record store; accepted: sqlite, postgresql, memory", failure.Failures);
    }

    [Fact]
    public void Start_BadApiKeyConfiguration_FailsNamingEveryProblem()
    {
        using ServiceFactory bad = new ServiceFactory()
            .With("ApiKeys:Keys:3:Name", "intake-desk")
            .With("ApiKeys:Keys:3:Role", "admin")
            .With("ApiKeys:Keys:3:Sha256", "abc");

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => bad.Server);

        string all = string.Join("\n", failure.Failures);
        Assert.Contains("ApiKeys:Keys:3:Name = 'intake-desk': the name is already used by ApiKeys:Keys:0", all, StringComparison.Ordinal);
        Assert.Contains("ApiKeys:Keys:3:Role = 'admin': not a role; accepted: intake, legal, auditor", all, StringComparison.Ordinal);
        Assert.Contains("ApiKeys:Keys:3:Sha256 = 'abc'", all, StringComparison.Ordinal);
    }
}
