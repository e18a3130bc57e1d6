using System.CommandLine;
using System.Globalization;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing;

namespace DisclosurePolicy.Cli;

/// <summary><c>test &lt;cases.json&gt;...</c>: runs declarative case suites (docs/case-format.md), a pass/fail line per
/// case, a summary, and optionally the rule coverage with a threshold.</summary>
internal static class TestCommand
{
    public static Command Build(CliEnvironment environment, Option<string?> rules)
    {
        var files = new Argument<string[]>("cases")
        {
            Description = "Case files (docs/case-format.md) to run.",
            Arity = ArgumentArity.OneOrMore,
        };
        var coverage = new Option<bool>("--coverage") { Description = "Print which clauses of each version the cases made fire, naming those none reached." };
        var threshold = new Option<double?>("--coverage-threshold")
        {
            Description = "Fail (exit code 4) when fewer than this percentage of the versions' clauses fired. Implies --coverage.",
            HelpName = "PERCENT",
        };
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double value && (value < 0 || value > 100 || double.IsNaN(value)))
            {
                result.AddError("--coverage-threshold must be a percentage from 0 to 100.");
            }
        });

        var command = new Command(
            "test",
            "Run case files: each case's request is decided and compared with its expected outcome, items and reason codes. "
            + "Exit code 0 when every case passes, 3 when one fails, 4 when the coverage is below the threshold, 2 for unreadable files.")
        {
            files, rules, coverage, threshold,
        };
        command.SetAction(parsed => Run(environment, parsed.GetValue(files)!, parsed.GetValue(rules), parsed.GetValue(coverage), parsed.GetValue(threshold)));
        return command;
    }

    private static int Run(CliEnvironment environment, string[] files, string? rulesPath, bool coverage, double? threshold)
    {
        var problems = new ProblemLog(environment.Error);
        Policy? policy = PolicySource.Load(rulesPath, environment, problems, files);
        if (policy is null)
        {
            return ExitCodes.BadInput;
        }

        var results = new List<CaseResult>();
        foreach (string file in files)
        {
            string? text = InputFile.ReadText(file, environment, problems);
            if (text is null)
            {
                continue;
            }

            ReadResult<CaseSuite> read = CaseSuite.Read(text);
            foreach (ValidationProblem problem in read.Problems.Problems)
            {
                problems.Add(InputFile.DisplayName(file), problem);
            }

            foreach (CaseResult result in read.Value?.Run(policy) ?? [])
            {
                results.Add(result);
                environment.Output.WriteLine(PrintableText.Escape($"{(result.Passed ? "PASS" : "FAIL")}  {InputFile.DisplayName(file)}: {result.Case.Name}"));
                foreach (string mismatch in result.Mismatches)
                {
                    environment.Output.WriteLine($"      {PrintableText.Escape(mismatch)}");
                }
            }
        }

        int failed = results.Count(r => !r.Passed);
        environment.Output.WriteLine($"{results.Count - failed} passed, {failed} failed, {results.Count} case(s) in {files.Length} file(s)");

        bool belowThreshold = false;
        if (coverage || threshold is not null)
        {
            RuleCoverage measured = RuleCoverage.Of(policy, results);
            environment.Output.Write(measured.ToText());
            if (threshold is double minimum && measured.Percent < minimum)
            {
                belowThreshold = true;
                environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Coverage {measured.Percent:0.0} % is below the threshold of {minimum:0.0} %."));
            }
        }

        return problems.Count > 0 ? ExitCodes.BadInput
            : failed > 0 ? ExitCodes.CasesFailed
            : belowThreshold ? ExitCodes.CoverageBelowThreshold
            : ExitCodes.Success;
    }
}
