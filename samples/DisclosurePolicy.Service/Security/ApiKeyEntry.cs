namespace DisclosurePolicy.Service.Security;

/// <summary>One accepted API key: who holds it, the role it grants and the SHA-256 hash of the key.</summary>
/// <remarks><para>The key itself is never configured: a leaked configuration file does not let anyone in.</para></remarks>
internal sealed class ApiKeyEntry
{
    /// <summary>Gets or sets the holder's name, which becomes the caller's identity name (and so appears in logs).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the role: <c>intake</c>, <c>legal</c> or <c>auditor</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Gets or sets the SHA-256 hash of the key's UTF-8 bytes, as 64 hexadecimal digits.</summary>
    public string? Sha256 { get; set; }
}
