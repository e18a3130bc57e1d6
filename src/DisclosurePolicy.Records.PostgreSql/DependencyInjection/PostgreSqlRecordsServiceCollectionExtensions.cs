using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DisclosurePolicy;

/// <summary>Registers the PostgreSQL store as the host's <see cref="IDecisionRecorder"/>, beside <c>AddDisclosurePolicy</c>.</summary>
public static class PostgreSqlRecordsServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="PostgreSqlDecisionRecorder"/> as the singleton <see cref="IDecisionRecorder"/> (one
    /// connection pool for the application), unless the host registered one first.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or white space.</exception>
    public static IServiceCollection AddDisclosurePolicyPostgreSqlRecords(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddDisclosurePolicyPostgreSqlRecords(_ => connectionString);
    }

    /// <summary>Registers a <see cref="PostgreSqlDecisionRecorder"/> whose connection string is read from the host's
    /// services when the recorder is first resolved, typically from configuration:
    /// <c>sp =&gt; sp.GetRequiredService&lt;IConfiguration&gt;().GetConnectionString("DisclosureRecords")!</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">Reads the Npgsql connection string.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDisclosurePolicyPostgreSqlRecords(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connectionString);
        services.TryAddSingleton(provider => new PostgreSqlDecisionRecorder(connectionString(provider)));
        services.TryAddSingleton<IDecisionRecorder>(provider => provider.GetRequiredService<PostgreSqlDecisionRecorder>());
        return services;
    }
}
