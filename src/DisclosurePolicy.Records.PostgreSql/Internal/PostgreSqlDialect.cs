using System.Data.Common;
using DisclosurePolicy.Records.Sql;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace DisclosurePolicy.Records.PostgreSql.Internal;

/// <summary>PostgreSQL through one <see cref="NpgsqlDataSource"/> with NodaTime types: instants as <c>timestamptz</c>,
/// dates as <c>date</c>, appends to one request serialized by locking its row, and a binary COPY bulk path.</summary>
internal sealed class PostgreSqlDialect(NpgsqlDataSource dataSource, string storeName) : SqlDialect
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public override string StoreName => storeName;

    public override string LockRequestSql => "SELECT seq FROM dp_request WHERE request_id = @id FOR UPDATE";

    // A report query scans and aggregates in one go: compiling it (JIT) costs more than it saves, and its hash aggregates
    // and sorts should stay in memory rather than spill to disk. It joins rows to the bands their instant falls in, which
    // one range scan of a covering index per band does best; the planner would otherwise hash-join on the cadence alone,
    // or scan the table, and test every row against every band (three to ten times slower). Local to the report's own
    // transaction.
    public override string? ReportSettings =>
        "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0";

    public override string JsonBody => "CAST(@body AS json)";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    // Repeatable read: every query of a report sees the snapshot its first one saw.
    public override async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public override object Instant(Instant value) => value;

    public override Instant ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<Instant>(ordinal);

    public override Instant InstantOf(object value) => (Instant)value;

    public override object Date(LocalDate value) => value;

    public override string Bands(DbCommand command, IReadOnlyList<PeriodBand> bands)
    {
        Add(command, "@band_cadence", bands.Select(b => (int)b.Cadence).ToArray());
        Add(command, "@band_lo", bands.Select(b => b.From).ToArray());
        Add(command, "@band_hi", bands.Select(b => b.Until).ToArray());
        Add(command, "@band_idx", bands.Select(b => b.Index).ToArray());
        return "p AS (SELECT cadence, lo, hi, idx FROM unnest(@band_cadence, @band_lo, @band_hi, @band_idx) AS t(cadence, lo, hi, idx))";
    }

    // Every statement in one batch: one round trip, however many rows.
    public override async ValueTask<object?[]> RunAllAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Sql, object?[] Values)> statements, CancellationToken cancellationToken)
    {
        object?[] results = new object?[statements.Count];
        if (statements.Count == 0)
        {
            return results;
        }

        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach ((string sql, object?[] values) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            int i = 0;
            foreach (string name in Statement.ParameterNames(sql))
            {
                command.Parameters.Add(new NpgsqlParameter(name, values[i++] ?? DBNull.Value));
            }

            batch.BatchCommands.Add(command);
        }

        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        // A statement with RETURNING gives a result, with a row or none; the others give none to read.
        int n = 0;
        do
        {
            object? value = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetValue(0) : null;
            if (n < results.Length)
            {
                results[n++] = value;
            }
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        return results;
    }

    public override async ValueTask<HashSet<string>> StoredIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestHistory> batch, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using DbCommand command = SqlRecords.Command(connection, transaction, "SELECT request_id FROM dp_request WHERE request_id = ANY(@ids)");
        Add(command, "@ids", batch.Select(h => h.RequestId).ToArray());
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    // Binary COPY into every table, with request numbers drawn from the identity's sequence first; a request another
    // writer stored meanwhile breaks the unique key, and the caller retries the batch the careful way.
    public override async ValueTask<bool> InsertNewAsync(SqlRecords records, DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestHistory> histories, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        long[] seqs = new long[histories.Count];
        await using (DbCommand next = SqlRecords.Command(connection, transaction, "SELECT nextval(pg_get_serial_sequence('dp_request', 'seq')) FROM generate_series(1, @n)"))
        {
            Add(next, "@n", histories.Count);
            await using DbDataReader reader = await next.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; await reader.ReadAsync(cancellationToken).ConfigureAwait(false); i++)
            {
                seqs[i] = reader.GetInt64(0);
            }
        }

        try
        {
            await using (NpgsqlBinaryImporter copy = await npgsql.BeginBinaryImportAsync(
                "COPY dp_request (seq, request_id, country, received_on, received_at, decided_at, version_id, cadence, outcome, permitted, instrument, " +
                "eu_member, offences, deny_reasons, event_count, acknowledged_at, first_disclosed_at, closed_at, report_at) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                for (int i = 0; i < histories.Count; i++)
                {
                    RequestHistory h = histories[i];
                    DecisionRecord r = h.Decision;
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(seqs[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(r.RequestId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(r.Jurisdiction, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(r.Request.ReceivedOn, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(r.DecidedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                    await WriteOrNullAsync(copy, r.VersionId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync((int)r.VersionCadence, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync((int)r.Outcome, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(r.Decision.IsPermitted ? 1 : 0, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync((int)r.Instrument, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    var facts = RequestFacts.Of(r);
                    await copy.WriteAsync(facts.EuMember ? 1 : 0, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(facts.OffenceMask, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(records.Reasons.Of(facts).Mask, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(h.Events.Count, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await WriteOrNullAsync(copy, h.AcknowledgedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                    await WriteOrNullAsync(copy, h.FirstDisclosedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                    await WriteOrNullAsync(copy, h.Closing?.At, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(SqlRecords.ReportAt(h), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                }

                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (NpgsqlBinaryImporter copy = await npgsql.BeginBinaryImportAsync(
                "COPY dp_event (request_seq, event_no, kind, at, body) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                for (int i = 0; i < histories.Count; i++)
                {
                    IReadOnlyList<RequestEvent> events = histories[i].Events;
                    for (int n = 0; n < events.Count; n++)
                    {
                        await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await copy.WriteAsync(seqs[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                        await copy.WriteAsync(n + 1, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await copy.WriteAsync((int)events[n].Kind, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await copy.WriteAsync(events[n].At, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                        await copy.WriteAsync(RequestEventJson.Write(events[n]), NpgsqlDbType.Json, cancellationToken).ConfigureAwait(false);
                    }
                }

                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            for (int i = 0; i < histories.Count; i++)
            {
                await records.InsertOverflowReasonsAsync(connection, transaction, seqs[i], histories[i], cancellationToken).ConfigureAwait(false);
            }

            await CopyReportedAsync(npgsql, "dp_disclosed_account (request_seq, account, country, cadence, report_at)", seqs, histories,
                h => (h.AffectedAccounts, h.FirstDisclosedAt ?? h.Decision.DecidedAt), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    // Rows of a request's report facts (its affected accounts) with its country, cadence and report instant.
    private static async ValueTask CopyReportedAsync(
        NpgsqlConnection connection, string table, long[] seqs, IReadOnlyList<RequestHistory> histories,
        Func<RequestHistory, (IEnumerable<string> Values, Instant ReportAt)> rows, CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < histories.Count; i++)
        {
            (IEnumerable<string> values, Instant reportAt) = rows(histories[i]);
            foreach (string value in values)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(seqs[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(histories[i].Decision.Jurisdiction, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((int)histories[i].Decision.VersionCadence, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reportAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask WriteOrNullAsync(NpgsqlBinaryImporter copy, Instant? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is Instant instant)
        {
            await copy.WriteAsync(instant, type, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
