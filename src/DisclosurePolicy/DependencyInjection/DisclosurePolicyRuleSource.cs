using DisclosurePolicy.Evaluation;
using Microsoft.Extensions.Options;

namespace DisclosurePolicy;

/// <summary>
/// Keeps the container's engine on the current options: takes the one immutable rule set they compile to (compiled once,
/// when they were validated) and, when they reload, swaps in the new one in one reference write.
/// </summary>
/// <remarks>
/// <para>An evaluation in flight keeps the rule set it read, so it decides under the old rules or the new ones, never a
/// mix. Options that do not validate never reach this class (the options monitor refuses them), and if compiling still
/// failed the last valid rule set would stay: the engine never runs without rules.</para>
/// </remarks>
internal sealed class DisclosurePolicyRuleSource : IDisposable
{
    private readonly IDisposable? _subscription;
    private readonly CompiledRuleSets _compiled;
    private readonly RuleReloadStatus _status;
    private readonly DecisionInstruments _instruments;

    public DisclosurePolicyRuleSource(
        IOptionsMonitor<DisclosurePolicyOptions> monitor, CompiledRuleSets compiled, RuleReloadStatus status, DecisionInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(compiled);
        _compiled = compiled;
        _status = status;
        _instruments = instruments;
        var problems = new List<ValidationProblem>();
        RuleSet initial = compiled.Compile(monitor.CurrentValue, problems)
            ?? throw new OptionsValidationException(
                Options.DefaultName,
                typeof(DisclosurePolicyOptions),
                problems.Select(p => p.ToString()));
        Rules = new RuleSetSource(initial);

        // From here on a reload is judged here, never by the options validator: invalid options are refused and
        // reported, and neither IConfigurationRoot.Reload nor IOptionsMonitor.CurrentValue throws for them.
        compiled.Started = true;
        _subscription = monitor.OnChange(Reload);
    }

    public RuleSetSource Rules { get; }

    public void Dispose() => _subscription?.Dispose();

    private void Reload(DisclosurePolicyOptions options, string? name)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return;
        }

        var problems = new List<ValidationProblem>();
        if (_compiled.Compile(options, problems) is RuleSet next)
        {
            Rules.Replace(next);
            _status.Accept();
            _instruments.CountReload(refused: false);
        }
        else
        {
            _status.Refuse(ValidationResult.From(problems));
            _instruments.CountReload(refused: true);
        }
    }
}
