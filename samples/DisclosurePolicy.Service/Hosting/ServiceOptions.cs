namespace DisclosurePolicy.Service.Hosting;

/// <summary>The service's own settings (configuration section <c>Service</c>).</summary>
internal sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>Gets or sets the largest request body accepted, in bytes; a larger one is answered 413.</summary>
    /// <value>Defaults to 65,536 (a request naming many accounts stays far below it).</value>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
