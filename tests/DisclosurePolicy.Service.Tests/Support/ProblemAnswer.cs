using System.Net;
using System.Text.Json;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>Reads a ProblemDetails answer and checks its shape: the status, the content type and no stack trace.</summary>
internal static class ProblemAnswer
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        JsonElement root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        return root;
    }

    /// <summary>The <c>problems</c> of a 400 as (path, value, message) triples.</summary>
    public static List<(string Path, string? Value, string Message)> Problems(JsonElement problem) =>
        [.. problem.GetProperty("problems").EnumerateArray().Select(p => (
            p.GetProperty("path").GetString()!,
            p.GetProperty("value").ValueKind == JsonValueKind.Null ? null : p.GetProperty("value").GetString(),
            p.GetProperty("message").GetString()!))];
}
