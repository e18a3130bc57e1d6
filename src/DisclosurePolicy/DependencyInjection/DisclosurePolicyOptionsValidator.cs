using Microsoft.Extensions.Options;

namespace DisclosurePolicy;

/// <summary>
/// Validates <see cref="DisclosurePolicyOptions"/> by compiling them exactly as the engine will, and reports every
/// problem as one failure naming its path, value and why.
/// </summary>
internal sealed class DisclosurePolicyOptionsValidator(CompiledRuleSets compiled) : IValidateOptions<DisclosurePolicyOptions>
{
    public DisclosurePolicyOptionsValidator()
        : this(new CompiledRuleSets())
    {
    }

    public ValidateOptionsResult Validate(string? name, DisclosurePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (compiled.Started)
        {
            // A reload: the rule source refuses invalid options and keeps the last valid rules (see RuleReloadStatus).
            return ValidateOptionsResult.Skip;
        }

        var problems = new List<ValidationProblem>();
        compiled.Compile(options, problems);
        var builder = new ValidateOptionsResultBuilder();
        foreach (ValidationProblem problem in problems)
        {
            builder.AddError(problem.ToString());
        }

        return builder.Build();
    }
}
