using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DisclosurePolicy;

/// <summary>Registers the SQLite store as the host's <see cref="IDecisionRecorder"/>, beside <c>AddDisclosurePolicy</c>.</summary>
public static class SqliteRecordsServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="SqliteDecisionRecorder"/> over a database file as the singleton
    /// <see cref="IDecisionRecorder"/>, unless the host registered one first.</summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The database file's path; created and migrated on first use.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static IServiceCollection AddDisclosurePolicySqliteRecords(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.TryAddSingleton(_ => new SqliteDecisionRecorder(path));
        services.TryAddSingleton<IDecisionRecorder>(provider => provider.GetRequiredService<SqliteDecisionRecorder>());
        return services;
    }
}
