using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>Registers the configured record store, or stops the host naming what is wrong with its configuration.</summary>
internal static class StoreRegistration
{
    public static void AddRecordStore(this IServiceCollection services, IConfiguration configuration)
    {
        StoreOptions options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        string provider = options.Provider?.Trim().ToLowerInvariant() ?? string.Empty;
        switch (provider)
        {
            case StoreOptions.InMemory:
                services.AddSingleton<IDecisionRecorder, InMemoryDecisionRecorder>();
                break;
            default:
                throw new InvalidOperationException(new ValidationProblem(
                    $"{StoreOptions.Section}:Provider", options.Provider, $"not a record store; accepted: {string.Join(", ", StoreOptions.Providers)}").ToString());
        }
    }
}
