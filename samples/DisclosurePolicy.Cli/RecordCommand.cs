using System.CommandLine;
using System.Globalization;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary><c>record &lt;file|-&gt;... --to &lt;store&gt;</c>: decides requests and appends their decision records to a store
/// (a SQLite file by default, a JSON Lines file or a PostgreSQL database).</summary>
internal static class RecordCommand
{
    public static Command Build(CliEnvironment environment, Option<string?> rules)
    {
        var files = EvaluateCommand.FilesArgument();
        var to = new Option<string>("--to")
        {
            Description = "The store the decision records are appended to: " + RecordStore.Description + "; a file is created when missing.",
            HelpName = "RECORDS.db",
            Required = true,
        };
        var decidedAt = new Option<string?>("--decided-at")
        {
            Description = "Record the decisions as made at this instant (or the start of this date in UTC) instead of now, to backfill historical decisions.",
            HelpName = "INSTANT",
        };
        var version = EvaluateCommand.VersionOption();
        var asOf = EvaluateCommand.AsOfOption();
        var command = new Command("record", "Decide the requests of JSON files and append each decision record to a store (SQLite, JSON Lines or PostgreSQL).")
        {
            files, to, decidedAt, version, asOf, rules,
        };
        command.SetAction(parsed => Run(
            environment,
            parsed.GetValue(files) ?? [],
            parsed.GetValue(to)!,
            parsed.GetValue(decidedAt),
            parsed.GetValue(version),
            parsed.GetValue(asOf),
            parsed.GetValue(rules)));
        return command;
    }

    private static int Run(CliEnvironment environment, string[] files, string recordsPath, string? decidedAt, string? versionId, string? asOf, string? rulesPath)
    {
        var problems = new ProblemLog(environment.Error);
        IClock clock = environment.Clock;
        if (decidedAt is not null)
        {
            if (InstantText.Parse(decidedAt, "--decided-at", problems) is not Instant at)
            {
                return ExitCodes.BadInput;
            }

            clock = new FixedClock(at);
        }

        Policy? policy = PolicySource.Load(rulesPath, environment, problems, files);
        VersionChoice? choice = policy is null ? null : VersionChoice.Parse(versionId, asOf, policy, problems);
        if (policy is null || choice is null)
        {
            return ExitCodes.BadInput;
        }

        using RecordStore? store = RecordStore.OpenForWriting(recordsPath, problems);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        IDecisionRecorder recorder = store.Recorder;
        var engine = new DisclosureEngine(policy, clock);
        int recorded = 0;
        int already = 0;
        foreach (string file in files)
        {
            foreach (SourcedRequest request in RequestFile.Read(file, environment, problems))
            {
                Decision decision = choice.Evaluate(engine, request.Request);
                DecisionRecord? record = DecisionRecords.TryCreate(request, decision, policy, problems);
                if (record is null)
                {
                    continue;
                }

                try
                {
                    bool isNew = Awaited.Result(recorder.RecordAsync(record)) == RecordOutcome.Recorded;
                    recorded += isNew ? 1 : 0;
                    already += isNew ? 0 : 1;
                    environment.Output.WriteLine(PrintableText.Escape($"{(isNew ? "recorded" : "already recorded")}: {decision.RequestId} {decision.Outcome} under {decision.VersionId ?? "no version"}"));
                }
                catch (RecordConflictException ex)
                {
                    problems.Add(request.Source, $"request '{decision.RequestId}' is already recorded with a different decision (differs in {string.Join(", ", ex.Differences)}); the earlier record stands");
                }
            }
        }

        environment.Output.WriteLine(PrintableText.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{store.Name}: {recorded} decision(s) recorded, {already} already there; {Awaited.Result(recorder.CountAsync())} record(s) in the {store.Noun}.")));
        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
