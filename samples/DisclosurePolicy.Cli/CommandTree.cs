using System.CommandLine;
using System.CommandLine.Parsing;

namespace DisclosurePolicy.Cli;

/// <summary>The program's commands, their arguments and options, and how a command line is parsed and run.</summary>
internal static class CommandTree
{
    private const string ProgramName = "disclosure";

    public static int Invoke(string[] args, CliEnvironment environment)
    {
        RootCommand root = Build(environment);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (ParseError error in parsed.Errors)
            {
                environment.Error.WriteLine($"{ProgramName}: {OneLine(error.Message)}");
            }

            environment.Error.WriteLine($"Run '{ProgramName} --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
#pragma warning disable CA1031 // The program's last line of defence: any failure becomes one readable line and exit code 1, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            environment.Error.WriteLine($"{ProgramName}: unexpected failure: {OneLine(ex.Message)} ({ex.GetType().Name})");
            return ExitCodes.Failure;
        }
    }

    private static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand(
            "Decides what a legal request allows a platform to disclose under the version of its disclosure rule in force "
            + "when the request arrived, and explains why. With no command: a demo on the built-in sample requests.");

        // The root's automatic --version (the program's own version) would shadow the rule-version option of the commands.
        foreach (Option option in root.Options.Where(o => o is VersionOption).ToList())
        {
            root.Options.Remove(option);
        }

        // Every command that decides takes --rules, and report checks each record's version against them.
        Option<string?> rules = RulesOption();
        root.Add(rules);
        root.SetAction(parsed => DemoCommand.Run(environment, parsed.GetValue(rules)));
        root.Add(EvaluateCommand.Build(environment, RulesOption()));
        root.Add(CompareCommand.Build(environment, RulesOption()));
        root.Add(RecordCommand.Build(environment, RulesOption()));
        root.Add(EventCommands.Acknowledge(environment));
        root.Add(EventCommands.Disclose(environment));
        root.Add(EventCommands.Close(environment));
        root.Add(ReportCommand.Build(environment, RulesOption()));
        root.Add(TestCommand.Build(environment, RulesOption()));
        root.Add(ImportCommand.Build(environment));
        return root;
    }

    private static Option<string?> RulesOption() => new("--rules")
    {
        Description = "Decide under the rule versions of this JSON file (docs/rules-format.md) instead of the built-in ones.",
        HelpName = "FILE",
    };

    // Parse errors and exception messages quote the command line's tokens: joined into one line, then escaped.
    private static string OneLine(string message) => PrintableText.Escape(
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
