using System.Data.Common;
using System.Globalization;
using System.Text;
using DisclosurePolicy.Records.Sql;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Records.Sqlite.Internal;

/// <summary>SQLite: pooled connections to one file in WAL mode with full sync, <c>BEGIN IMMEDIATE</c> write transactions
/// (one writer at a time, others wait up to the busy timeout), instants as microseconds, dates as ISO text.</summary>
internal sealed class SqliteDialect(string path, string connectionString) : SqlDialect
{
    public string ConnectionString { get; } = connectionString;

    public override string StoreName => $"SQLite database '{path}'";

    // BEGIN IMMEDIATE already holds the database's write lock: no other writer runs until this transaction ends.
    public override string LockRequestSql => "SELECT seq FROM dp_request WHERE request_id = @id";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using SqliteCommand pragmas = connection.CreateCommand();

            // Per connection: enforce the foreign keys, and sync the log at every commit so a committed record survives a power cut.
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // Deferred: a reader takes no lock until it reads, and in WAL mode it never blocks a writer nor needs a writable file.
    public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // SQLite groups by sorting (it has no hash aggregate): grouping the million rows of a report costs twenty times
    // scanning them, so the store tallies the rows as the scan returns them, in this process.
    public override bool GroupsReports => false;

    public override object Instant(Instant value) => Microseconds(value);

    public override Instant ReadInstant(DbDataReader reader, int ordinal) => NodaTime.Instant.FromUnixTimeTicks(reader.GetInt64(ordinal) * 10);

    public override Instant InstantOf(object value) => NodaTime.Instant.FromUnixTimeTicks(Convert.ToInt64(value, CultureInfo.InvariantCulture) * 10);

    public override object Date(LocalDate value) => LocalDatePattern.Iso.Format(value);

    // The bands are numbers this code computed, written as literals: no parameter limit, and the plan sees the values.
    public override string Bands(DbCommand command, IReadOnlyList<PeriodBand> bands)
    {
        var values = new StringBuilder("p(cadence, lo, hi, idx) AS (VALUES ");
        for (int i = 0; i < bands.Count; i++)
        {
            PeriodBand b = bands[i];
            values.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"({(int)b.Cadence}, {Microseconds(b.From)}, {Microseconds(b.Until)}, {b.Index})");
        }

        return values.Append(')').ToString();
    }

    // The bulk path: each statement prepared once per batch and run with new values, instead of parsed per row.
    public override async ValueTask<bool> InsertNewAsync(SqlRecords records, DbConnection connection, DbTransaction transaction, IReadOnlyList<RequestHistory> histories, CancellationToken cancellationToken)
    {
        using Statement request = new(connection, transaction,
            $"INSERT INTO dp_request ({SqlRecords.RequestColumns}) VALUES ({SqlRecords.RequestParameters}) ON CONFLICT (request_id) DO NOTHING RETURNING seq");
        using Statement events = new(connection, transaction, "INSERT INTO dp_event (request_seq, event_no, kind, at, body) VALUES (@seq, @no, @kind, @at, @body)");
        using Statement accounts = new(connection, transaction,
            "INSERT INTO dp_disclosed_account (request_seq, account, country, cadence, report_at) VALUES (@seq, @value, @country, @cadence, @report_at)");
        foreach (RequestHistory h in histories)
        {
            DecisionRecord r = h.Decision;
            if (await request.RunScalarAsync(cancellationToken, records.RequestValues(h)).ConfigureAwait(false) is not long id)
            {
                return false;
            }

            await records.InsertOverflowReasonsAsync(connection, transaction, id, h, cancellationToken).ConfigureAwait(false);

            for (int n = 0; n < h.Events.Count; n++)
            {
                RequestEvent e = h.Events[n];
                await events.RunAsync(cancellationToken, id, n + 1, (int)e.Kind, Microseconds(e.At), RequestEventJson.Write(e)).ConfigureAwait(false);
            }

            foreach (string account in h.AffectedAccounts)
            {
                await accounts.RunAsync(cancellationToken, id, account, r.Jurisdiction, (int)r.VersionCadence, Microseconds(h.FirstDisclosedAt!.Value)).ConfigureAwait(false);
            }
        }

        return true;
    }

    // Floor to the microsecond, also before 1970.
    private static long Microseconds(Instant value) => Math.DivRem(value.ToUnixTimeTicks(), 10, out long rest) - (rest < 0 ? 1 : 0);
}
