using System.Text.Json;
using DisclosurePolicy.Service.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePolicy.Service.Tests;

public sealed class RulesReloadTests : IDisposable
{
    private const string AcmeRules = """
        { "DisclosurePolicy": { "Rules": {
          "id": "acme-8.3", "title": "ACME Privacy Policy 8.3",
          "versions": [ {
            "id": "A1", "title": "Valid court orders", "effectiveFrom": "2025-01-01",
            "citation": "ACME Privacy Policy 8.3 (2025-01-01)",
            "wording": "If ACME receives a valid court order, we may disclose your IP address.",
            "cadence": "Quarterly",
            "clauses": [ {
              "id": "acme/disclose", "citation": "ACME Privacy Policy 8.3 (2025-01-01)",
              "wording": "we may disclose your IP address", "summary": "The IP address may be disclosed.",
              "when": { "always": true }, "effect": "Permit", "reasonCode": "ValidCourtOrder", "categories": [ "IpAddress" ]
            } ]
          } ]
        } } }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("service-rules-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Reload_ValidThenInvalidRules_InstallsTheFirstAndRefusesTheSecondWithALog()
    {
        string file = Path.Combine(_directory, "rules.json");
        await File.WriteAllTextAsync(file, "{}");
        using var factory = new RulesFileFactory(file);
        HttpClient client = factory.Client("auditor");
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(["V0", "V1", "V2"], await VersionIds(client));

        await File.WriteAllTextAsync(file, AcmeRules);
        configuration.Reload();
        Assert.Equal(["A1"], await VersionIds(client));

        await File.WriteAllTextAsync(file, """{ "DisclosurePolicy": { "TimeZone": "Mars/Olympus" } }""");
        configuration.Reload();

        Assert.Equal(["A1"], await VersionIds(client));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("Rules reload refused", StringComparison.Ordinal) && l.Contains("Mars/Olympus", StringComparison.Ordinal));
    }

    private static async Task<string[]> VersionIds(HttpClient client)
    {
        JsonElement list = JsonDocument.Parse(await client.GetStringAsync("/rules/versions")).RootElement;
        return [.. list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("id").GetString()!)];
    }

    private sealed class RulesFileFactory(string file) : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddJsonFile(file, optional: false, reloadOnChange: false));
        }
    }
}
