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

    public DisclosurePolicyRuleSource(IOptionsMonitor<DisclosurePolicyOptions> monitor, CompiledRuleSets compiled)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(compiled);
        _compiled = compiled;
        var problems = new List<ValidationProblem>();
        RuleSet initial = compiled.Compile(monitor.CurrentValue, problems)
            ?? throw new OptionsValidationException(
                Options.DefaultName,
                typeof(DisclosurePolicyOptions),
                problems.Select(p => p.ToString()));
        Rules = new RuleSetSource(initial);
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

        if (_compiled.Compile(options, []) is RuleSet next)
        {
            Rules.Replace(next);
        }
    }
}
