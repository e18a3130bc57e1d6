using System.CommandLine;
using System.Globalization;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Cli;

/// <summary><c>import &lt;records&gt; --to &lt;store&gt;</c>: moves the recorded histories of one store into another, without
/// loss: every event of every request, checked as an append would be, committed in batches, and safe to run again.</summary>
internal static class ImportCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var from = new Argument<string>("records") { Description = "The store to read: " + RecordStore.Description + "." };
        var to = new Option<string>("--to")
        {
            Description = "The store the histories are imported into: " + RecordStore.Description + "; a file is created when missing.",
            HelpName = "STORE",
            Required = true,
        };
        var command = new Command("import", "Import every recorded request's history from one store into another; running it again changes nothing.") { from, to };
        command.SetAction(parsed => Run(environment, parsed.GetValue(from)!, parsed.GetValue(to)!));
        return command;
    }

    private static int Run(CliEnvironment environment, string from, string to)
    {
        var problems = new ProblemLog(environment.Error);
        using RecordStore? source = RecordStore.OpenForReading(from, problems);
        if (source is null)
        {
            return ExitCodes.BadInput;
        }

        if (problems.Count > 0)
        {
            // A source with damaged lines would lose them: fail closed and let the reader repair it first.
            problems.Add(from, "has problems (listed above); nothing was imported");
            return ExitCodes.BadInput;
        }

        using RecordStore? target = RecordStore.OpenForWriting(to, problems);
        if (target is null)
        {
            return ExitCodes.BadInput;
        }

        try
        {
            ImportSummary summary = Awaited.Result(target.Recorder.ImportAsync(source.Recorder.ReadHistoriesAsync(RecordQuery.All)));
            environment.Output.WriteLine(PrintableText.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"{source.Name} -> {target.Name}: {summary}; {Awaited.Result(target.Recorder.CountAsync())} request(s) in the {target.Noun}.")));
        }
        catch (Exception ex) when (ex is RecordConflictException or RequestEventConflictException)
        {
            problems.Add(target.Name, $"{ex.Message} The requests before it were imported; nothing of it was.");
        }

        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
