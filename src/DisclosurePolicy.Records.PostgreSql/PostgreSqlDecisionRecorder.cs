using DisclosurePolicy.Records.PostgreSql.Internal;
using DisclosurePolicy.Records.Sql;
using DisclosurePolicy.Reporting;
using NodaTime;
using Npgsql;

namespace DisclosurePolicy.Records.PostgreSql;

/// <summary>
/// An <see cref="IDecisionRecorder"/> over a PostgreSQL database, for hosts that already run one and keep years of
/// decisions that auditors query.
/// </summary>
/// <remarks>
/// <para><b>The schema</b> is created and migrated by the versioned SQL scripts shipped in this package, each applied once
/// (under an advisory lock, so two hosts starting together do not race) and noted in <c>dp_schema_version</c>, in the
/// connection's search path. A database whose schema is newer than this package knows is refused with a message naming
/// both versions, and left untouched.</para>
/// <para><b>Guarantees.</b> Every append is one transaction. The unique key on the request id and the primary key of each
/// event make a duplicate or a second decision impossible; an append locks its request's row, so appends to one request
/// take turns and each is checked against the history it finds. Triggers refuse any change or removal of a stored event
/// or decision. Instants are stored as <c>timestamptz</c> (to the microsecond) and dates as <c>date</c>, through
/// Npgsql's NodaTime plugin; the event JSON as <c>json</c>, byte for byte as written.</para>
/// <para><b>Bulk.</b> <see cref="ImportAsync"/> writes batches of new requests with binary COPY.</para>
/// <para><b>Reports</b> are computed by PostgreSQL: narrow columns of one covering index, each request joined to the
/// report period its instant falls in (one index range per period) and grouped by hashing; only the grouped rows come
/// back (for the DSA report, whose offence masks take too many values to group well, the narrow rows stream back and are
/// tallied as they come). Reports read in repeatable-read transactions.</para>
/// <para>Safe to use from several threads and processes; holds one <see cref="NpgsqlDataSource"/> (a connection pool), so
/// make one per application (the DI registration does). Opening is lazy: the first operation creates or migrates the
/// schema (use <see cref="OpenAsync"/> to do it at once). Dispose it to close the pool.</para>
/// </remarks>
public sealed class PostgreSqlDecisionRecorder : IDecisionRecorder, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDialect _dialect;
    private readonly SqlRecords _records;
    private readonly Lazy<Task<int>> _schema;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlDecisionRecorder"/> class for a database, whose
    /// schema is created or migrated on first use.</summary>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=db;Username=records;Password=…;Database=records</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty, white space or not a connection string.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is <see langword="null"/>.</exception>
    public PostgreSqlDecisionRecorder(string connectionString)
        : this(connectionString, schemaVersion: null)
    {
    }

    internal PostgreSqlDecisionRecorder(string connectionString, int? schemaVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Not a PostgreSQL connection string: {ex.Message}", nameof(connectionString), ex);
        }

        Database = $"PostgreSQL database '{parsed.Database ?? parsed.Username}' on {parsed.Host ?? "localhost"}:{parsed.Port}";
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime();
        _dialect = new PostgreSqlDialect(builder.Build(), Database);
        _records = new SqlRecords(_dialect);
        _schema = new Lazy<Task<int>>(() => SchemaMigrator.MigrateAsync(
            _dialect, "SELECT pg_advisory_xact_lock(7210834)", typeof(PostgreSqlDecisionRecorder).Assembly, schemaVersion, CancellationToken.None).AsTask());
    }

    /// <summary>Gets the database in words, without credentials, such as <c>PostgreSQL database 'records' on db:5432</c>.</summary>
    public string Database { get; }

    /// <summary>Opens a database and creates or migrates its schema at once.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The recorder.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty, white space or not a connection string.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this package knows; the message names both versions.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    public static async ValueTask<PostgreSqlDecisionRecorder> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var recorder = new PostgreSqlDecisionRecorder(connectionString);
        try
        {
            await recorder.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return recorder;
        }
        catch
        {
            await recorder.DisposeAsync().ConfigureAwait(false);
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
    /// <remarks><para>Commits every 1,000 histories; a batch none of whose requests is stored yet is written with binary
    /// COPY into every table, without reading anything back.</para></remarks>
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

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _dialect.DataSource.Dispose();

    /// <summary>Closes the connection pool.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public ValueTask DisposeAsync() => _dialect.DataSource.DisposeAsync();

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
}
