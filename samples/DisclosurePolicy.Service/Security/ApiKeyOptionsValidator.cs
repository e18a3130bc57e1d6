using Microsoft.Extensions.Options;

namespace DisclosurePolicy.Service.Security;

/// <summary>Checks every configured key at once (holder, role, hash, duplicates), so a bad configuration stops the host
/// at start-up naming each problem with its path.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(options.Header))
        {
            problems.Add(new($"{ApiKeyOptions.Section}:Header", options.Header, "the header that carries the key is required, such as X-Api-Key"));
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var hashes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Keys.Count; i++)
        {
            ApiKeyEntry key = options.Keys[i];
            string path = $"{ApiKeyOptions.Section}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                problems.Add(new($"{path}:Name", key.Name, "the key's holder is required; it names the caller in logs"));
            }
            else if (!names.TryAdd(key.Name.Trim(), i))
            {
                problems.Add(new($"{path}:Name", key.Name, $"the name is already used by {ApiKeyOptions.Section}:Keys:{names[key.Name.Trim()]}"));
            }

            if (key.Role is null || !Roles.All.Contains(key.Role.Trim(), StringComparer.Ordinal))
            {
                problems.Add(new($"{path}:Role", key.Role, $"not a role; accepted: {string.Join(", ", Roles.All)}"));
            }

            if (ApiKeyRing.ParseHash(key.Sha256) is null)
            {
                problems.Add(new($"{path}:Sha256", key.Sha256, "not a SHA-256 hash: 64 hexadecimal digits, such as the output of: printf %s KEY | sha256sum"));
            }
            else if (!hashes.TryAdd(key.Sha256!.Trim(), i))
            {
                problems.Add(new($"{path}:Sha256", key.Sha256, $"the same key is already configured at {ApiKeyOptions.Section}:Keys:{hashes[key.Sha256.Trim()]}"));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }
}
