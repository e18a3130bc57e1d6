using Npgsql;

namespace DisclosurePolicy.Tests.Shared;

/// <summary>
/// The PostgreSQL server the store tests run against, named by the <c>DISCLOSUREPOLICY_TEST_POSTGRES</c> connection string
/// (<c>.ci/run</c> installs and starts the server, makes a throw-away role and database, and sets it).
/// </summary>
/// <remarks>Outside CI without the variable the tests are reported as skipped, saying why; in CI (<c>CI=true</c>) they
/// always run, so a missing variable or an unreachable server fails them rather than hiding them. Each test works in a
/// schema of its own, dropped afterwards.</remarks>
public static class PostgreSqlServer
{
    public const string Variable = "DISCLOSUREPOLICY_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Gets why the PostgreSQL tests do not run here, or <see langword="null"/> when they must.</summary>
    public static string? SkipReason =>
        ConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"{Variable} is not set: run .ci/run, or start PostgreSQL (service postgresql start) and set it to a connection string"
            : null;

    /// <summary>Creates an empty schema and returns a connection string whose search path is it.</summary>
    public static async Task<string> CreateSchemaAsync()
    {
        string server = ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set, and CI=true: the PostgreSQL tests must run. .ci/run installs and starts PostgreSQL and sets it.");
        string schema = "t_" + Guid.NewGuid().ToString("N");
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"The PostgreSQL server named by {Variable} cannot be reached: {ex.Message}", ex);
        }

        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    /// <summary>Drops a schema made by <see cref="CreateSchemaAsync"/>, with everything in it.</summary>
    public static async Task DropSchemaAsync(string connectionString)
    {
        string schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs the PostgreSQL server of <see cref="PostgreSqlServer"/>: skipped, with the reason, only
/// outside CI without the server's connection string.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : Xunit.FactAttribute
{
    public PostgreSqlFactAttribute() => Skip = PostgreSqlServer.SkipReason;
}

/// <summary>A theory that needs the PostgreSQL server of <see cref="PostgreSqlServer"/>, skipped as <see cref="PostgreSqlFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlTheoryAttribute : Xunit.TheoryAttribute
{
    public PostgreSqlTheoryAttribute() => Skip = PostgreSqlServer.SkipReason;
}
