namespace DisclosurePolicy.Service.Records;

/// <summary>Which store keeps the records (configuration section <c>Store</c>).</summary>
internal sealed class StoreOptions
{
    public const string Section = "Store";

    public const string SqliteProvider = "sqlite";

    public const string PostgreSqlProvider = "postgresql";

    public const string InMemory = "memory";

    /// <summary>Gets or sets the store: <c>sqlite</c> (one file, the default), <c>postgresql</c> (a server) or <c>memory</c>
    /// (lost on restart, for trials).</summary>
    /// <value>Defaults to <c>sqlite</c>.</value>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Gets or sets how many writer lanes write to the store at once (see <see cref="RecordWriter"/>).</summary>
    /// <value>1 to 64; defaults to <see langword="null"/>: 1 for SQLite and memory (one writer at a time), 4 for PostgreSQL.</value>
    public int? Writers { get; set; }

    /// <summary>Gets or sets the write path: <c>batched</c> (the writer lanes) or <c>direct</c> (each request appends on
    /// its own, for comparison: the load test measures one against the other).</summary>
    /// <value>Defaults to <c>batched</c>.</value>
    public string WritePath { get; set; } = "batched";

    /// <summary>Gets the number of writer lanes this configuration asks for.</summary>
    public int WriterLanes => Writers ?? (Provider?.Trim().ToLowerInvariant() == PostgreSqlProvider ? 4 : 1);

    /// <summary>Gets the SQLite store's settings.</summary>
    public SqliteStoreOptions Sqlite { get; } = new();

    /// <summary>Gets the PostgreSQL store's settings.</summary>
    public PostgreSqlStoreOptions PostgreSql { get; } = new();

    public static IReadOnlyList<string> Providers { get; } = [SqliteProvider, PostgreSqlProvider, InMemory];
}
