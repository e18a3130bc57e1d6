using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Cli;

/// <summary>The policy a command decides under: the built-in versions, or the host-defined versions of a <c>--rules</c> file
/// (the rule format of <c>docs/rules-format.md</c>).</summary>
internal static class PolicySource
{
    /// <summary>Loads the policy; logs every problem of the rules file and returns <see langword="null"/> when there is one.
    /// Standard input (<c>-</c>) can feed the rules or one of <paramref name="otherInputs"/>, not both.</summary>
    public static Policy? Load(string? rulesPath, CliEnvironment environment, ProblemLog problems, params string?[] otherInputs)
    {
        if (rulesPath == "-" && otherInputs.Contains("-"))
        {
            problems.Add("--rules", "standard input can hold the requests or the rules, not both");
            return null;
        }

        if (rulesPath is null)
        {
            return BuiltInRules.Policy;
        }

        string? text = InputFile.ReadText(rulesPath, environment, problems);
        if (text is null)
        {
            return null;
        }

        ReadResult<Policy> result = PolicyJson.Read(text);
        foreach (ValidationProblem problem in result.Problems.Problems)
        {
            problems.Add(InputFile.DisplayName(rulesPath), problem);
        }

        return result.Value;
    }
}
