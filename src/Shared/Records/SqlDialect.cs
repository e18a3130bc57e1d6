using System.Data.Common;
using DisclosurePolicy.Reporting;
using NodaTime;

namespace DisclosurePolicy.Records.Sql;

/// <summary>What differs between the database stores: connections, write transactions, how instants and dates are
/// stored, how report periods are passed to a query, and the bulk path.</summary>
internal abstract class SqlDialect
{
    /// <summary>Gets the name of the store in messages, such as <c>SQLite database 'records.db'</c>.</summary>
    public abstract string StoreName { get; }

    /// <summary>Gets the statement that reads a request's <c>seq</c> and <c>event_count</c> by <c>@id</c> and, where the
    /// database locks rows, locks it until the transaction ends, so appends to one request are serialized.</summary>
    public abstract string LockRequestSql { get; }

    /// <summary>Opens a connection ready for use (pragmas set, types mapped).</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that may write; on SQLite it takes the write lock at once.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a transaction that only reads and sees one state of the records throughout, without blocking writers.</summary>
    public abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Gets a value indicating whether report queries group their rows in the database (one row per combination of
    /// the facts counted, with its count) rather than return each scanned row for the store to tally.</summary>
    public virtual bool GroupsReports => true;

    /// <summary>Returns the parameter value of an instant.</summary>
    public abstract object Instant(Instant value);

    /// <summary>Reads an instant column.</summary>
    public abstract Instant ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>Converts an instant column's value, as <see cref="DbDataReader.GetValues"/> returns it, to an instant.</summary>
    public abstract Instant InstantOf(object value);

    /// <summary>Gets the statements that set up a report query's transaction, or <see langword="null"/> to run it without one.</summary>
    public virtual string? ReportSettings => null;

    /// <summary>Gets the SQL of the <c>@body</c> parameter as the type of the event JSON column.</summary>
    public virtual string JsonBody => "@body";

    /// <summary>Returns the parameter value of a date.</summary>
    public abstract object Date(LocalDate value);

    /// <summary>Adds the bands to <paramref name="command"/> as parameters and returns a relation of them with columns
    /// <c>cadence</c>, <c>lo</c>, <c>hi</c> and <c>idx</c>, for a FROM clause.</summary>
    public abstract string Bands(DbCommand command, IReadOnlyList<PeriodBand> bands);

    /// <summary>Stores the histories of requests none of which is stored yet, in the open transaction; returns
    /// <see langword="false"/> when one of them was stored meanwhile by another writer (the caller then retries the batch).</summary>
    public abstract ValueTask<bool> InsertNewAsync(SqlRecords records, DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestHistory> histories, CancellationToken cancellationToken);

    /// <summary>Runs statements in order in the open transaction, each with its values (for its parameters in the order
    /// they first appear), and returns the first column of each one's first row (<see langword="null"/> when none).
    /// Here one after the other, each text parsed once; a server's dialect sends them together.</summary>
    public virtual async ValueTask<object?[]> RunAllAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Sql, object?[] Values)> statements, CancellationToken cancellationToken)
    {
        var prepared = new Dictionary<string, Statement>(StringComparer.Ordinal);
        try
        {
            object?[] results = new object?[statements.Count];
            for (int i = 0; i < statements.Count; i++)
            {
                (string sql, object?[] values) = statements[i];
                if (!prepared.TryGetValue(sql, out Statement? statement))
                {
                    statement = new Statement(connection, transaction, sql);
                    prepared.Add(sql, statement);
                }

                results[i] = await statement.RunScalarAsync(cancellationToken, values).ConfigureAwait(false);
            }

            return results;
        }
        finally
        {
            foreach (Statement statement in prepared.Values)
            {
                statement.Dispose();
            }
        }
    }

    /// <summary>Returns which of the batch's request ids are stored already.</summary>
    public virtual async ValueTask<HashSet<string>> StoredIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestHistory> batch, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using DbCommand command = SqlRecords.Command(connection, transaction, "SELECT 1 FROM dp_request WHERE request_id = @id");
        DbParameter id = Add(command, "@id", string.Empty);
        foreach (RequestHistory history in batch)
        {
            id.Value = history.RequestId;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (null or DBNull))
            {
                stored.Add(history.RequestId);
            }
        }

        return stored;
    }

    /// <summary>Adds a named parameter.</summary>
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
