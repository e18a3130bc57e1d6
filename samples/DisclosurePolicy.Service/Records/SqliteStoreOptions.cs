namespace DisclosurePolicy.Service.Records;

/// <summary>The SQLite store's settings (configuration section <c>Store:Sqlite</c>).</summary>
internal sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the database file; a relative path is taken from the content root. Created when missing.</summary>
    /// <value>Defaults to <c>disclosure-records.db</c>.</value>
    public string Path { get; set; } = "disclosure-records.db";
}
