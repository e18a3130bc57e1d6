using System.Security.Cryptography;
using System.Text;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>One API key per role, as a caller presents it, and its configuration entry (the SHA-256 hash only).</summary>
internal static class TestKeys
{
    public static IReadOnlyDictionary<string, string> ByRole { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["intake"] = "intake-key-7f3a9c",
        ["legal"] = "legal-key-1b8e42",
        ["auditor"] = "auditor-key-c05d11",
    };

    public const string Wrong = "not-a-configured-key";

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    /// <summary>The configuration entries of the three keys.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        int i = 0;
        foreach ((string role, string key) in ByRole)
        {
            yield return new($"ApiKeys:Keys:{i}:Name", $"{role}-desk");
            yield return new($"ApiKeys:Keys:{i}:Role", role);
            yield return new($"ApiKeys:Keys:{i}:Sha256", Hash(key));
            i++;
        }
    }
}
