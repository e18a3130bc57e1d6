using System.Text;
using Microsoft.Extensions.Configuration;

namespace DisclosurePolicy.Tests.Soak;

/// <summary>A configuration source whose whole content a test replaces in code, signalling a reload as a changed file
/// would, without a file system watcher's delays.</summary>
public sealed class SwitchableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the content with the keys of a JSON document and signals the reload.</summary>
    public void Switch(string json)
    {
        Data = Flatten(json);
        OnReload();
    }

    /// <summary>The keys and values a JSON document gives as configuration.</summary>
    public static Dictionary<string, string?> Flatten(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        IConfigurationRoot root = new ConfigurationBuilder().AddJsonStream(stream).Build();
        return new Dictionary<string, string?>(root.AsEnumerable().Where(p => p.Value is not null), StringComparer.OrdinalIgnoreCase);
    }
}
