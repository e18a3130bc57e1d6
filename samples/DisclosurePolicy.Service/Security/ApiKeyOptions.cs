namespace DisclosurePolicy.Service.Security;

/// <summary>The API keys the service accepts (configuration section <c>ApiKeys</c>), each stored only as its SHA-256 hash.</summary>
/// <remarks><para>A mutable configuration object, validated at start-up by <see cref="ApiKeyOptionsValidator"/>.</para></remarks>
internal sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>Gets or sets the request header that carries the key.</summary>
    /// <value>Defaults to <c>X-Api-Key</c>.</value>
    public string Header { get; set; } = "X-Api-Key";

    /// <summary>Gets the accepted keys.</summary>
    /// <value>Defaults to empty: every protected endpoint answers 401.</value>
    public IList<ApiKeyEntry> Keys { get; } = new List<ApiKeyEntry>();
}
