using DisclosurePolicy.Evaluation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace DisclosurePolicy.Service.Hosting;

/// <summary>
/// Follows the <c>DisclosurePolicy</c> configuration section without a restart: on every configuration reload it binds
/// the section afresh and validates it with the library's own options validation; rules that validate are handed to the
/// engine, rules that do not are refused and logged with every problem, and the last valid rules stay in force.
/// </summary>
internal sealed class RulesReloadWatcher(
    IConfiguration configuration,
    IEnumerable<IValidateOptions<DisclosurePolicyOptions>> validators,
    ValidatedRulesChangeTokenSource changes,
    DisclosureEngine engine,
    ILogger<RulesReloadWatcher> logger) : IHostedService, IDisposable
{
    public const string Section = "DisclosurePolicy";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, () => Reload());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    /// <summary>Validates the section as it is now and, when it validates, installs it.</summary>
    /// <returns><see langword="true"/> when the rules were installed.</returns>
    public bool Reload()
    {
        var candidate = new DisclosurePolicyOptions();
        configuration.GetSection(Section).Bind(candidate);
        string[] failures = [.. validators
            .Select(v => v.Validate(Options.DefaultName, candidate))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])];
        if (failures.Length > 0)
        {
            Log.RulesReloadRefused(logger, failures.Length, string.Join("; ", failures));
            return false;
        }

        try
        {
            changes.Signal();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // The configuration changed again between validating and installing, to rules that do not validate.
            string[] late = [.. ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
            Log.RulesReloadRefused(logger, late.Length, string.Join("; ", late));
            return false;
        }

        Log.RulesReloaded(logger, engine.Policy.Id, engine.Policy.Versions.Count);
        return true;
    }
}
