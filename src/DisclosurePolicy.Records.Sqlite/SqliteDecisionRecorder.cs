using System.Data.Common;
using DisclosurePolicy.Records.Sql;
using DisclosurePolicy.Records.Sqlite.Internal;
using DisclosurePolicy.Reporting;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace DisclosurePolicy.Records.Sqlite;

/// <summary>
/// An <see cref="IDecisionRecorder"/> over one SQLite file: the embedded store a single machine needs no administration
/// for.
/// </summary>
/// <remarks>
/// <para><b>The file.</b> It is created when missing, put in WAL mode (readers never block the writer), and its schema is
/// created and migrated by the versioned SQL scripts shipped in this package, each applied once and noted in
/// <c>dp_schema_version</c>. A file whose schema is newer than this package knows is refused with a message naming both
/// versions, and left untouched.</para>
/// <para><b>Guarantees.</b> Every append is one <c>BEGIN IMMEDIATE</c> transaction, committed with a full sync before it
/// returns. The unique key on the request id and the primary key of each event make a duplicate or a second decision
/// impossible, whichever processes write; writers take turns (waiting up to 30 seconds for the lock), and each checks its
/// event against the history it finds. Triggers refuse any change or removal of a stored event or decision.</para>
/// <para><b>Reports</b> are computed by SQLite: narrow, indexed columns of the request row (country, version cadence,
/// instants of decision, first disclosure and receipt, outcome, instrument, and the offence categories and deny reason
/// codes as bit masks) are read from one covering index, each request joined to the report period its instant falls in
/// (one index range per period), joining no other table, and tallied in this process as SQLite returns them: SQLite
/// groups by sorting, which over a million rows costs many times the scan. The record's JSON is read only to return
/// histories.</para>
/// <para>Safe to use from several threads and processes. Opening is lazy: the first operation creates or migrates the
/// schema (use <see cref="OpenAsync"/> to do it at once). Dispose it to release the pooled connections.</para>
/// </remarks>
public sealed class SqliteDecisionRecorder : IDecisionRecorder, IDisposable
{
    private readonly SqliteDialect _dialect;
    private readonly SqlRecords _records;
    private readonly Lazy<Task<int>> _schema;

    /// <summary>Initializes a new instance of the <see cref="SqliteDecisionRecorder"/> class for a database file, which is
    /// created and migrated on first use.</summary>
    /// <param name="path">The database file's path; its directory must exist.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public SqliteDecisionRecorder(string path)
        : this(path, schemaVersion: null)
    {
    }

    internal SqliteDecisionRecorder(string path, int? schemaVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _dialect = new SqliteDialect(Path, connectionString);
        _records = new SqlRecords(_dialect);
        _schema = new Lazy<Task<int>>(() => MigrateAsync(schemaVersion));
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens a database file, creating it when missing, and creates or migrates its schema at once.</summary>
    /// <param name="path">The database file's path; its directory must exist.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The recorder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this package knows; the message names both versions.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public static async ValueTask<SqliteDecisionRecorder> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var recorder = new SqliteDecisionRecorder(path);
        try
        {
            await recorder.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return recorder;
        }
        catch
        {
            recorder.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<RecordOutcome> RecordAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await AppendAsync(RequestEvent.Decided(record), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<RecordOutcome> AppendAsync(RequestEvent requestEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.AppendAsync(requestEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks><para>Commits every 1,000 histories; a batch none of whose requests is stored yet is inserted without
    /// reading anything back.</para></remarks>
    public async ValueTask<ImportSummary> ImportAsync(IAsyncEnumerable<RequestHistory> histories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.ImportAsync(histories, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes, in one transaction, the new events of histories the caller has already checked with
    /// <see cref="RequestHistory.Apply"/> against what it read from this store, without reading the stored histories back:
    /// the write path of a host that reads each request's history anyway before it accepts an event, and batches the writes.
    /// </summary>
    /// <param name="histories">Each request's whole history with its new events, each request at most once.</param>
    /// <param name="storedEvents">For each history, how many of its first events the caller found stored: 0 for a request
    /// that was not stored.</param>
    /// <param name="cancellationToken">Cancels the write; nothing of it is then committed.</param>
    /// <returns>The ids of the requests whose stored history no longer had that many events when written (another writer
    /// recorded something for them first): nothing of those was written; check their events again, for instance with
    /// <see cref="AppendAsync"/>. Every other history's new events are recorded.</returns>
    /// <remarks><para>The database still keeps every guarantee of <see cref="AppendAsync"/> about what is stored: a
    /// request's row is inserted only when its id is free, and extended only while its event count is the one the caller
    /// saw, so a write that lost a race is returned, never merged; stored events are never changed. What it does not do is
    /// check the new events against the stored ones: that is the caller's <see cref="RequestHistory.Apply"/>.</para></remarks>
    /// <exception cref="ArgumentException">The lists differ in length, a request appears twice, or a count is not between 0
    /// and its history's event count less one.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> or <paramref name="storedEvents"/> is
    /// <see langword="null"/>, or holds a <see langword="null"/> history.</exception>
    public async ValueTask<IReadOnlyList<string>> AppendCheckedAsync(IReadOnlyList<RequestHistory> histories, IReadOnlyList<int> storedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(storedEvents);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.AppendCheckedAsync(histories, storedEvents, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.CountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<DecisionRecord?> FindAsync(string requestId, CancellationToken cancellationToken = default) =>
        (await FindHistoryAsync(requestId, cancellationToken).ConfigureAwait(false))?.Decision;

    /// <inheritdoc/>
    public async ValueTask<RequestHistory?> FindHistoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.FindHistoryAsync(requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<RequestHistory> ReadHistoriesAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(query, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<TransparencyReport> BuildTransparencyReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.BuildTransparencyReportAsync(schedule, dates, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<DsaOrderReport> BuildDsaOrderReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _records.BuildDsaOrderReportAsync(schedule, dates, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the pooled connections to the file, so that it can be moved or removed.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_dialect.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Gets the store's shared SQL code, for tests.</summary>
    internal SqlRecords Records => _records;

    internal Task<int> EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.Value.WaitAsync(cancellationToken);

    private async IAsyncEnumerable<RequestHistory> Read(RecordQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await foreach (RequestHistory history in _records.ReadHistoriesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return history;
        }
    }

    private async Task<int> MigrateAsync(int? schemaVersion)
    {
        await using (DbConnection connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // WAL is a property of the file, and cannot be switched inside a transaction: set once, before the schema.
            await using DbCommand wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return await SchemaMigrator.MigrateAsync(_dialect, string.Empty, typeof(SqliteDecisionRecorder).Assembly, schemaVersion, CancellationToken.None).ConfigureAwait(false);
    }
}
