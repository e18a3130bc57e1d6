using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace DisclosurePolicy.Records.Sql;

/// <summary>
/// Creates and migrates a store's schema with the versioned SQL scripts embedded in its package
/// (<c>Schema/NNN-name.sql</c>), recording each applied version in <c>dp_schema_version</c>; refuses a store whose schema
/// is newer than the scripts it knows.
/// </summary>
internal static class SchemaMigrator
{
    private const string Marker = ".Schema.";

    /// <summary>Gets the scripts embedded in an assembly, by version.</summary>
    public static List<(int Version, string Name, string Sql)> Scripts(Assembly assembly)
    {
        var scripts = new List<(int, string, string)>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.Contains(Marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            string name = resource[(resource.LastIndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..];
            int version = int.Parse(name.AsSpan(0, name.IndexOf('-', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        return [.. scripts.OrderBy(s => s.Item1)];
    }

    /// <summary>Brings the schema up to <paramref name="target"/> (the newest script by default) in one write transaction.</summary>
    /// <returns>The schema version the store has now.</returns>
    /// <exception cref="InvalidOperationException">The store's schema is newer than every script known.</exception>
    public static async ValueTask<int> MigrateAsync(SqlDialect dialect, string schemaLock, Assembly assembly, int? target, CancellationToken cancellationToken)
    {
        List<(int Version, string Name, string Sql)> scripts = Scripts(assembly);
        int known = scripts[^1].Version;
        await using DbConnection connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, schemaLock, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS dp_schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        int current;
        await using (DbCommand read = SqlRecords.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM dp_schema_version"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > known)
        {
            throw new InvalidOperationException(
                $"{dialect.StoreName} has schema version {current}, newer than version {known}, the newest this {assembly.GetName().Name} " +
                $"{assembly.GetName().Version?.ToString(3)} knows; it was left untouched. Open it with a newer version of the package.");
        }

        foreach ((int version, string name, string sql) in scripts.Where(s => s.Version > current && s.Version <= (target ?? known)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await using DbCommand applied = SqlRecords.Command(connection, transaction, "INSERT INTO dp_schema_version (version, script) VALUES (@version, @script)");
            SqlDialect.Add(applied, "@version", version);
            SqlDialect.Add(applied, "@script", name);
            await applied.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            current = version;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static async ValueTask ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using DbCommand command = SqlRecords.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
