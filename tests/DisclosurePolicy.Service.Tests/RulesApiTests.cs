using System.Net;
using System.Text.Json;
using DisclosurePolicy.Service.Tests.Support;

namespace DisclosurePolicy.Service.Tests;

public sealed class RulesApiTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Versions_BuiltInRules_ListsV0V1V2WithV2InForce()
    {
        HttpResponseMessage response = await factory.Client("intake").GetAsync("/rules/versions");

        JsonElement list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement[] versions = [.. list.GetProperty("versions").EnumerateArray()];
        Assert.Equal(["V0", "V1", "V2"], versions.Select(v => v.GetProperty("id").GetString()));
        Assert.Equal("V2", versions.Single(v => v.GetProperty("inForceToday").GetBoolean()).GetProperty("id").GetString());
        Assert.Equal("2024-09-23", versions[2].GetProperty("effectiveFrom").GetString());
        Assert.All(versions, v => Assert.StartsWith("sha256:", v.GetProperty("contentHash").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comparison_V1AgainstV2_ReturnsTheRegionsAsJson()
    {
        HttpResponseMessage response = await factory.Client("auditor").GetAsync("/rules/comparison?left=V1&right=V2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonElement difference = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(6, difference.GetProperty("regions").GetArrayLength());
    }

    [Fact]
    public async Task Comparison_Markdown_ReturnsATable()
    {
        HttpResponseMessage response = await factory.Client("auditor").GetAsync("/rules/comparison?left=V1&right=V2&format=markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("|", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_UnknownVersionsAndFormat_Returns400NamingEach()
    {
        HttpResponseMessage response = await factory.Client("auditor").GetAsync("/rules/comparison?left=V7&format=pdf");

        List<(string Path, string? Value, string Message)> problems = ProblemAnswer.Problems(await ProblemAnswer.ReadAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(["left", "right", "format"], problems.Select(p => p.Path));
        Assert.Contains("V0, V1, V2", problems[0].Message, StringComparison.Ordinal);
    }
}
