using Microsoft.Extensions.Options;

namespace DisclosurePolicy.Service.Records;

/// <summary>Checks the store's configuration at start-up: a known provider and what it needs.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ValidationProblem>();
        string? provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is null || !StoreOptions.Providers.Contains(provider, StringComparer.Ordinal))
        {
            problems.Add(new($"{StoreOptions.Section}:Provider", options.Provider, $"not a record store; accepted: {string.Join(", ", StoreOptions.Providers)}"));
        }
        else if (provider == StoreOptions.SqliteProvider && string.IsNullOrWhiteSpace(options.Sqlite.Path))
        {
            problems.Add(new($"{StoreOptions.Section}:Sqlite:Path", options.Sqlite.Path, "the database file is required, such as disclosure-records.db"));
        }
        else if (provider == StoreOptions.PostgreSqlProvider && string.IsNullOrWhiteSpace(options.PostgreSql.ConnectionString))
        {
            // The value is a secret when present; here it is missing, so there is nothing to hide.
            problems.Add(new($"{StoreOptions.Section}:PostgreSql:ConnectionString", null, "a connection string is required, such as Host=127.0.0.1;Username=dp;Password=...;Database=dp"));
        }

        if (options.Writers is int writers && writers is < 1 or > 64)
        {
            problems.Add(new($"{StoreOptions.Section}:Writers", writers.ToString(System.Globalization.CultureInfo.InvariantCulture), "between 1 and 64 writer lanes"));
        }

        if (options.WritePath?.Trim().ToLowerInvariant() is not ("batched" or "direct"))
        {
            problems.Add(new($"{StoreOptions.Section}:WritePath", options.WritePath, "not a write path; accepted: batched, direct"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }
}
