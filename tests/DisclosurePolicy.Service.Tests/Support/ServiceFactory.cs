using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>The service in memory over a SQLite file of its own, with one API key per role and every log line captured.</summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-service-").FullName;

    public ServiceFactory()
    {
        _settings["Store:Provider"] = "sqlite";
        _settings["Store:Sqlite:Path"] = Path.Combine(_directory, "records.db");
    }

    internal CapturedLogs Logs { get; } = new();

    /// <summary>Sets a configuration value before the host starts.</summary>
    public ServiceFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>A client sending the API key of a role; <see langword="null"/> sends none, any other text is sent as the key.</summary>
    public HttpClient Client(string? roleOrKey)
    {
        HttpClient client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (roleOrKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.ByRole.TryGetValue(roleOrKey, out string? key) ? key : roleOrKey);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(TestKeys.Configuration().Concat(_settings)));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}
