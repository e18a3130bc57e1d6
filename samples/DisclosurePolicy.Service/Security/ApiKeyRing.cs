using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DisclosurePolicy.Service.Security;

/// <summary>Finds the configured key that matches a presented one by comparing SHA-256 hashes in constant time.</summary>
/// <remarks>
/// <para>The presented key is hashed, then compared with every configured hash by
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, without stopping at a match: the time taken tells nothing about
/// which key, or how much of one, was right. The parsed hashes follow the options as they reload.</para>
/// </remarks>
internal sealed class ApiKeyRing(IOptionsMonitor<ApiKeyOptions> options)
{
    private readonly ConditionalWeakTable<ApiKeyOptions, Credential[]> _parsed = [];

    /// <summary>Returns the holder and role of a presented key, or <see langword="null"/> when no configured key matches.</summary>
    public (string Name, string Role)? Match(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        Credential? found = null;
        foreach (Credential credential in _parsed.GetValue(options.CurrentValue, Parse))
        {
            if (CryptographicOperations.FixedTimeEquals(hash, credential.Hash))
            {
                found = credential;
            }
        }

        return found is null ? null : (found.Name, found.Role);
    }

    /// <summary>Reads 64 hexadecimal digits as a hash; <see langword="null"/> when they are not.</summary>
    public static byte[]? ParseHash(string? hex)
    {
        string? trimmed = hex?.Trim();
        if (trimmed is null || trimmed.Length != SHA256.HashSizeInBytes * 2)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(trimmed);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Options that reach here were validated at start-up or on reload; an entry that still does not parse is skipped.
    private static Credential[] Parse(ApiKeyOptions options) =>
        [.. options.Keys
            .Select(k => (Key: k, Hash: ParseHash(k.Sha256)))
            .Where(k => k.Hash is not null && k.Key.Name is not null && k.Key.Role is not null)
            .Select(k => new Credential(k.Key.Name!.Trim(), k.Key.Role!.Trim(), k.Hash!))];

    private sealed record Credential(string Name, string Role, byte[] Hash);
}
