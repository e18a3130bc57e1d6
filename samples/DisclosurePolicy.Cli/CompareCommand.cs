using System.CommandLine;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;

namespace DisclosurePolicy.Cli;

/// <summary><c>compare &lt;versionA&gt; &lt;versionB&gt;</c>: what changes between two rule versions, over every possible
/// request, or for the requests of a file.</summary>
internal static class CompareCommand
{
    public static Command Build(CliEnvironment environment, Option<string?> rules)
    {
        var left = new Argument<string>("versionA") { Description = "The id of the earlier (left) version, for example V1." };
        var right = new Argument<string>("versionB") { Description = "The id of the later (right) version, for example V2." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: markdown or json.",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "json");
        var request = new Option<string?>("--request")
        {
            Description = "Compare the two versions on the requests of this JSON file ('-' reads standard input) instead of over every possible request.",
            HelpName = "FILE",
        };

        var maxClasses = new Option<long>("--max-classes")
        {
            Description = "The most classes of items the whole-domain comparison may decide before it gives up with a message.",
            DefaultValueFactory = _ => VersionComparer.DefaultMaxClasses,
            HelpName = "COUNT",
        };
        maxClasses.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() <= 0)
            {
                result.AddError("--max-classes must be a positive number.");
            }
        });

        var emitCases = new Option<string?>("--emit-cases")
        {
            Description = "Also write a case file (docs/case-format.md) with one case per difference region: its example request, expected to be decided as versionB decides it. Commit it as regression tests.",
            HelpName = "FILE",
        };

        var command = new Command("compare", "Show what changes between two rule versions: every class of requests they decide differently, or the requests of a file side by side.")
        {
            left, right, format, request, maxClasses, rules, emitCases,
        };
        command.SetAction(parsed => Run(
            environment,
            parsed.GetValue(left)!,
            parsed.GetValue(right)!,
            parsed.GetValue(format) == "json",
            parsed.GetValue(request),
            parsed.GetValue(maxClasses),
            parsed.GetValue(rules),
            parsed.GetValue(emitCases)));
        return command;
    }

    private static int Run(CliEnvironment environment, string leftId, string rightId, bool json, string? requestFile, long maxClasses, string? rulesPath, string? emitCases)
    {
        if (emitCases is not null && requestFile is not null)
        {
            new ProblemLog(environment.Error).Add("--emit-cases", "cases are emitted from the whole-domain comparison; leave out --request");
            return ExitCodes.BadInput;
        }

        var problems = new ProblemLog(environment.Error);
        Policy? policy = PolicySource.Load(rulesPath, environment, problems, requestFile);
        if (policy is null)
        {
            return ExitCodes.BadInput;
        }

        RuleVersion? left = Find(policy, leftId, "versionA", problems);
        RuleVersion? right = Find(policy, rightId, "versionB", problems);
        if (left is null || right is null)
        {
            return ExitCodes.BadInput;
        }

        if (requestFile is null)
        {
            VersionDifference difference;
            try
            {
                difference = VersionComparer.Compare(left, right, null, maxClasses);
            }
            catch (ComparisonBudgetExceededException ex)
            {
                problems.Add("compare", ex.Message);
                return ExitCodes.BadInput;
            }

            environment.Output.Write(json ? difference.ToJson() : difference.ToMarkdown());
            environment.Output.WriteLine();
            return emitCases is null || Emit(CaseSuite.FromDifference(difference), emitCases, problems) ? ExitCodes.Success : ExitCodes.BadInput;
        }

        var comparer = new RequestComparer(new DisclosureEngine(policy, environment.Clock));
        List<RequestComparison> comparisons = [.. RequestFile.Read(requestFile, environment, problems)
            .Select(r => comparer.Compare(r.Request, left, right))];
        if (json)
        {
            environment.Output.WriteLine(RequestComparisonView.Json(comparisons));
        }
        else
        {
            environment.Output.Write(string.Join(Environment.NewLine, comparisons.Select(c => c.Explain())));
        }

        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static bool Emit(CaseSuite cases, string path, ProblemLog problems)
    {
        try
        {
            File.WriteAllText(path, cases.ToJson());
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(path, $"cannot write the case file: {ex.Message}");
            return false;
        }
    }

    private static RuleVersion? Find(Policy policy, string id, string argument, ProblemLog problems)
    {
        RuleVersion? version = policy.FindVersion(id);
        if (version is null)
        {
            problems.Add(argument, $"'{id}' is not a version of {policy.Id}; known: {VersionChoice.KnownVersions(policy)}");
        }

        return version;
    }
}
