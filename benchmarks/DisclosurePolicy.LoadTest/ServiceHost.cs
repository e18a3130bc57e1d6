using System.Security.Cryptography;
using System.Text;
using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosurePolicy.LoadTest;

/// <summary>The service, composed as its Program does, on a free loopback port of this process.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LoadOptions _options;
    private readonly string _directory;

    private ServiceHost(WebApplication app, LoadOptions options, string directory, Uri address)
    {
        _app = app;
        _options = options;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServiceHost> StartAsync(LoadOptions options, string directory, string intakeKey, string legalKey)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(Settings(options, directory, intakeKey, legalKey));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Per-request information lines would measure the console; warnings and errors still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddDisclosurePolicyService();
        WebApplication app = builder.Build();
        app.MapDisclosurePolicyService();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ServiceHost(app, options, directory, new Uri(address));
    }

    public Task StopAsync() => _app.StopAsync();

    /// <summary>Counts what the store holds for this run (ids starting <c>LOAD-{run}</c>), through the recorder contract, on
    /// a store opened afresh (the file or the server), so only what was committed counts.</summary>
    public async Task<StoreCount> CountAsync(string run, IReadOnlyList<Clients> runs)
    {
        await using var opened = new OpenedStore(_options.Store switch
        {
            "sqlite" => new SqliteDecisionRecorder(Path.Combine(_directory, "records.db")),
            "postgresql" => new PostgreSqlDecisionRecorder(_options.Connection!),
            _ => _app.Services.GetRequiredService<IDecisionRecorder>(),
        });
        IDecisionRecorder store = opened.Store;
        var held = new Dictionary<string, RequestHistory>(StringComparer.Ordinal);
        long requests = 0, duplicated = 0;
        await foreach (RequestHistory history in store.ReadHistoriesAsync(RecordQuery.All))
        {
            if (!history.RequestId.StartsWith($"LOAD-{run}", StringComparison.Ordinal))
            {
                continue;
            }

            requests++;
            if (!held.TryAdd(history.RequestId, history) || history.Events.Count != history.Events.Distinct().Count())
            {
                duplicated++;
            }
        }

        (string Id, bool Disclosed)[] accepted = [.. runs.SelectMany(r => r.Accepted).SelectMany(a => a)];
        long missing = accepted.LongCount(a => !held.ContainsKey(a.Id));
        long withoutDisclosure = accepted.LongCount(a => a.Disclosed && held.TryGetValue(a.Id, out RequestHistory? h) && !h.IsFulfilled);
        return new StoreCount(requests, accepted.Length, missing, duplicated, withoutDisclosure);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class OpenedStore(IDecisionRecorder store) : IAsyncDisposable
    {
        public IDecisionRecorder Store { get; } = store;

        public ValueTask DisposeAsync()
        {
            (Store as IDisposable)?.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private static Dictionary<string, string?> Settings(LoadOptions options, string directory, string intakeKey, string legalKey) => new(StringComparer.Ordinal)
    {
        ["ApiKeys:Keys:0:Name"] = "load-intake",
        ["ApiKeys:Keys:0:Role"] = "intake",
        ["ApiKeys:Keys:0:Sha256"] = Hash(intakeKey),
        ["ApiKeys:Keys:1:Name"] = "load-legal",
        ["ApiKeys:Keys:1:Role"] = "legal",
        ["ApiKeys:Keys:1:Sha256"] = Hash(legalKey),
        ["Store:Provider"] = options.Store,
        ["Store:WritePath"] = options.WritePath,
        ["Store:Sqlite:Path"] = Path.Combine(directory, "records.db"),
        ["Store:PostgreSql:ConnectionString"] = options.Connection,
    };

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
