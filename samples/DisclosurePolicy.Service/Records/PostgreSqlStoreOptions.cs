namespace DisclosurePolicy.Service.Records;

/// <summary>The PostgreSQL store's settings (configuration section <c>Store:PostgreSql</c>).</summary>
internal sealed class PostgreSqlStoreOptions
{
    /// <summary>Gets or sets the Npgsql connection string, such as <c>Host=127.0.0.1;Username=dp;Password=...;Database=dp</c>.</summary>
    /// <value>Required when the provider is <c>postgresql</c>; never logged.</value>
    public string? ConnectionString { get; set; }
}
