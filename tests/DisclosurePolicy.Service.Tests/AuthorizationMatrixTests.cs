using System.Net;
using System.Text;
using DisclosurePolicy.Service.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePolicy.Service.Tests;

public sealed class AuthorizationMatrixTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    /// <summary>Every endpoint with every caller: no key, a wrong key and each role.</summary>
    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (EndpointCase endpoint in EndpointCatalogue.All)
        {
            foreach (string caller in new[] { "no key", "wrong key" }.Concat(TestKeys.ByRole.Keys))
            {
                data.Add(endpoint.Method, endpoint.Template, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_Caller_IsLetInOnlyWithAnAllowedRole(string method, string template, string caller)
    {
        EndpointCase endpoint = EndpointCatalogue.All.Single(e => e.Method == method && e.Template == template);
        HttpClient client = factory.Client(caller switch { "no key" => null, "wrong key" => TestKeys.Wrong, _ => caller });
        using var request = new HttpRequestMessage(new HttpMethod(method), endpoint.Path);
        if (endpoint.Body is not null)
        {
            request.Content = new StringContent(endpoint.Body(), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response = await client.SendAsync(request);

        bool allowed = endpoint.Allowed.Contains(EndpointCatalogue.Anyone) || endpoint.Allowed.Contains(caller);
        HttpStatusCode expectedRefusal = TestKeys.ByRole.ContainsKey(caller) ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
        if (allowed)
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"{caller} should reach {endpoint}, got {(int)response.StatusCode}");
        }
        else
        {
            await ProblemAnswer.ReadAsync(response, expectedRefusal);
        }
    }

    [Fact]
    public void Catalogue_EveryMappedEndpoint_IsInTheMatrix()
    {
        _ = factory.Server;
        EndpointDataSource source = factory.Services.GetRequiredService<EndpointDataSource>();
        string[] mapped = [.. source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal)];

        Assert.Equal(EndpointCatalogue.All.Select(e => e.ToString()).Order(StringComparer.Ordinal), mapped);
    }

    [Fact]
    public async Task AnyEndpoint_KeyOfOneRoleInTheWrongCase_IsRefused()
    {
        HttpResponseMessage response = await factory.Client(TestKeys.ByRole["auditor"].ToUpperInvariant()).GetAsync("/rules/versions");

        JsonAssert(await ProblemAnswer.ReadAsync(response, HttpStatusCode.Unauthorized));
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        static void JsonAssert(System.Text.Json.JsonElement problem) =>
            Assert.Equal("The API key is not valid.", problem.GetProperty("detail").GetString());
    }
}
