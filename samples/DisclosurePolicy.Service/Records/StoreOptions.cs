namespace DisclosurePolicy.Service.Records;

/// <summary>Which store keeps the records (configuration section <c>Store</c>).</summary>
internal sealed class StoreOptions
{
    public const string Section = "Store";

    public const string InMemory = "memory";

    /// <summary>Gets or sets the store: <c>memory</c> (lost on restart, for trials and tests).</summary>
    /// <value>Defaults to <c>memory</c>.</value>
    public string Provider { get; set; } = InMemory;

    public static IReadOnlyList<string> Providers { get; } = [InMemory];
}
