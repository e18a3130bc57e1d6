using System.Runtime.CompilerServices;
using DisclosurePolicy.Evaluation;

namespace DisclosurePolicy;

/// <summary>
/// The rule set compiled from each options instance, kept while the instance lives, so that validating options and
/// installing them compile once: the options monitor hands the same instance to the validator and then to the rule source.
/// </summary>
internal sealed class CompiledRuleSets
{
    private readonly ConditionalWeakTable<DisclosurePolicyOptions, Compiled> _compiled = [];
    private volatile bool _started;

    /// <summary>Gets or sets whether the rule source has started, after which it alone judges reloads.</summary>
    public bool Started
    {
        get => _started;
        set => _started = value;
    }

    /// <summary>Compiles the options, or returns what compiling this instance gave before.</summary>
    /// <param name="options">The options.</param>
    /// <param name="problems">Receives every problem when the options do not compile.</param>
    /// <returns>The rule set, or <see langword="null"/> when the options do not compile.</returns>
    public RuleSet? Compile(DisclosurePolicyOptions options, List<ValidationProblem> problems)
    {
        Compiled compiled = _compiled.GetValue(options, static o =>
        {
            var found = new List<ValidationProblem>();
            return new Compiled(RuleSetCompiler.Compile(o, found), found);
        });
        problems.AddRange(compiled.Problems);
        return compiled.Rules;
    }

    private sealed record Compiled(RuleSet? Rules, List<ValidationProblem> Problems);
}
