namespace DisclosurePolicy.Service.Hosting;

/// <summary>
/// Logs every refused reload of the <c>DisclosurePolicy</c> configuration section with all its problems. The library
/// refuses such a reload itself and keeps the last valid rules in force (<see cref="RuleReloadStatus"/>); this service
/// only gives the refusal to the host's logger, so stale rules do not go unnoticed.
/// </summary>
internal sealed class RulesReloadWatcher(RuleReloadStatus status, ILogger<RulesReloadWatcher> logger) : IHostedService
{
    public const string Section = "DisclosurePolicy";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        status.Refused += OnRefused;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        status.Refused -= OnRefused;
        return Task.CompletedTask;
    }

    private void OnRefused(object? sender, ValidationResult problems) =>
        Log.RulesReloadRefused(logger, problems.Problems.Count, string.Join("; ", problems.Problems));
}
