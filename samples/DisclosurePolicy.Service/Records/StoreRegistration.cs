using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using Microsoft.Extensions.Options;

namespace DisclosurePolicy.Service.Records;

/// <summary>Registers the configured record store. The choice is read when the store is first resolved (so that every
/// configuration source, a test host's included, has been added), and checked at start-up, every problem named.</summary>
internal static class StoreRegistration
{
    public static void AddRecordStore(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<StoreOptions, StoreOptionsValidator>().BindConfiguration(StoreOptions.Section);
        services.AddSingleton<IDecisionRecorder>(Create);
    }

    private static IDecisionRecorder Create(IServiceProvider services)
    {
        StoreOptions options = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        return options.Provider.Trim().ToLowerInvariant() switch
        {
            StoreOptions.InMemory => new InMemoryDecisionRecorder(),
            StoreOptions.PostgreSqlProvider => new PostgreSqlDecisionRecorder(options.PostgreSql.ConnectionString!),
            _ => new SqliteDecisionRecorder(Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Sqlite.Path.Trim())),
        };
    }
}
