using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Cli;

/// <summary><c>evaluate &lt;file|-&gt;...</c>: decides the requests of JSON files (one request or an array per file).</summary>
internal static class EvaluateCommand
{
    public static Command Build(CliEnvironment environment, Option<string?> rules)
    {
        Argument<string[]> files = FilesArgument();
        Option<string?> version = VersionOption();
        Option<string?> asOf = AsOfOption();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (explained decisions) or json (an array of decision records, docs/record-format.md).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("evaluate", "Decide the requests of JSON files and explain each decision.") { files, version, asOf, format, rules };
        command.SetAction(parsed => Run(
            environment,
            parsed.GetValue(files) ?? [],
            parsed.GetValue(version),
            parsed.GetValue(asOf),
            parsed.GetValue(rules),
            parsed.GetValue(format) == "json"));
        return command;
    }

    /// <summary>The request files of a command: one or more paths, <c>-</c> for standard input.</summary>
    public static Argument<string[]> FilesArgument()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "JSON files holding one request or an array of requests (docs/request-format.md); '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        // A misspelt option would otherwise be taken for a file name and reported as a missing file.
        files.Validators.Add(result =>
        {
            foreach (string token in result.Tokens.Select(t => t.Value))
            {
                if (token.StartsWith('-') && token != "-" && !File.Exists(token))
                {
                    result.AddError($"Unrecognized option '{token}'.");
                }
            }
        });
        return files;
    }

    /// <summary>The <c>--version</c> option: decide under a version named by id.</summary>
    public static Option<string?> VersionOption() => new("--version")
    {
        Description = "Decide under the version with this id (for example V1) instead of the one in force when each request was received.",
        HelpName = "ID",
    };

    /// <summary>The <c>--as-of</c> option: decide under the version in force on a date.</summary>
    public static Option<string?> AsOfOption() => new("--as-of")
    {
        Description = "Decide under the version in force on this date (yyyy-MM-dd) instead of each request's receipt date.",
        HelpName = "DATE",
    };

    private static int Run(CliEnvironment environment, string[] files, string? versionId, string? asOf, string? rulesPath, bool json)
    {
        var problems = new ProblemLog(environment.Error);
        Policy? policy = PolicySource.Load(rulesPath, environment, problems, files);
        VersionChoice? choice = policy is null ? null : VersionChoice.Parse(versionId, asOf, policy, problems);
        if (policy is null || choice is null)
        {
            return ExitCodes.BadInput;
        }

        var engine = new DisclosureEngine(policy, environment.Clock);
        IEnumerable<(SourcedRequest Request, Decision Decision)> decided = files
            .SelectMany(file => RequestFile.Read(file, environment, problems))
            .Select(request => (request, choice.Evaluate(engine, request.Request)));
        if (json)
        {
            WriteRecords(environment, decided, policy, problems);
        }
        else
        {
            WriteExplanations(Screen.For(environment), decided);
        }

        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static void WriteExplanations(Screen screen, IEnumerable<(SourcedRequest Request, Decision Decision)> decided)
    {
        bool first = true;
        foreach ((_, Decision decision) in decided)
        {
            if (!first)
            {
                screen.Line();
            }

            first = false;
            DecisionView.Explain(screen, decision);
        }
    }

    // The decision records of the reporting format, as one JSON array in input order, written record by record so the
    // output of a large input is never held whole.
    private static void WriteRecords(CliEnvironment environment, IEnumerable<(SourcedRequest Request, Decision Decision)> decided, Policy policy, ProblemLog problems)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach ((SourcedRequest request, Decision decision) in decided)
            {
                DecisionRecord? record = DecisionRecords.TryCreate(request, decision, policy, problems);
                if (record is not null)
                {
                    DecisionRecordJson.Write(writer, record);
                    Drain(writer, buffer, environment.Output);
                }
            }

            writer.WriteEndArray();
            Drain(writer, buffer, environment.Output);
        }

        environment.Output.WriteLine();
    }

    private static void Drain(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        writer.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }
}
