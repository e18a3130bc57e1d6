using System.Globalization;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace DisclosurePolicy.Cli;

/// <summary>The program with no command: decides the built-in sample requests under the rule in force and under every
/// version, to show on the built-in defaults what the library does.</summary>
internal static class DemoCommand
{
    private static readonly string[] RequestColumns = ["Request", "Received", "In force"];

    public static int Run(CliEnvironment environment, string? rulesPath)
    {
        var problems = new ProblemLog(environment.Error);
        Policy? policy = PolicySource.Load(rulesPath, environment, problems);
        if (policy is null)
        {
            return ExitCodes.BadInput;
        }

        if (!Directory.Exists(environment.SampleDirectory))
        {
            problems.Add(environment.SampleDirectory, "the folder of sample requests is missing; it ships beside the program");
            return ExitCodes.BadInput;
        }

        string[] files = [.. Directory.GetFiles(environment.SampleDirectory, "*.json").Order(StringComparer.Ordinal)];
        var samples = new List<SourcedRequest>();
        foreach (string file in files)
        {
            foreach (SourcedRequest request in RequestFile.Read(file, environment, problems))
            {
                samples.Add(request with { Source = Path.GetFileName(request.Source) });
            }
        }

        if (samples.Count == 0 && problems.Count == 0)
        {
            problems.Add(environment.SampleDirectory, "holds no sample request (*.json)");
        }

        if (problems.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        var engine = new DisclosureEngine(policy, environment.Clock);
        Screen screen = Screen.For(environment);
        screen.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"DisclosurePolicy demo: {samples.Count} sample requests, decided under {(rulesPath is null ? "the built-in policy" : "the policy")} '{policy.Title}' (versions {VersionChoice.KnownVersions(policy)})."),
            "bold");
        screen.Line("Each request is a JSON file (docs/request-format.md); decide your own with: disclosure evaluate <file>");

        ExplainUnderRuleInForce(screen, engine, samples);
        CompareVersions(screen, engine, policy, samples);
        ShowLatestChange(screen, policy);
        ShowTransparencyReport(screen, engine, policy, samples, problems);
        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static void ExplainUnderRuleInForce(Screen screen, DisclosureEngine engine, List<SourcedRequest> samples)
    {
        screen.Heading("1. Each request under the rule in force when it was received");
        for (int i = 0; i < samples.Count; i++)
        {
            screen.Line(PrintableText.Escape(string.Create(CultureInfo.InvariantCulture, $"--- {i + 1}. {samples[i].Source} ---")), "dim");
            DecisionView.Explain(screen, engine.Evaluate(samples[i].Request));
            screen.Line();
        }
    }

    private static void CompareVersions(Screen screen, DisclosureEngine engine, Policy policy, List<SourcedRequest> samples)
    {
        screen.Heading("2. The same requests under each version");
        Table table = screen.Table();
        foreach (string heading in RequestColumns.Concat(policy.Versions.Select(v => v.Id)))
        {
            table.AddColumn(new TableColumn(heading).NoWrap());
        }

        foreach (SourcedRequest sample in samples)
        {
            var row = new List<string>
            {
                PrintableText.Escape(sample.Request.Id),
                LocalDatePattern.Iso.Format(sample.Request.ReceivedOn),
                policy.VersionInForceOn(sample.Request.ReceivedOn, sample.Request.Jurisdiction)?.Id ?? "none",
            };
            row.AddRange(policy.Versions.Select(v => DecisionView.Summary(engine.Evaluate(sample.Request, v))));
            table.AddRow([.. row.Select(cell => new Text(cell))]);
        }

        screen.Console.Write(table);
    }

    // The difference between the two latest versions for everyone (for the built-in policy, the 2018 and 2024 rules).
    private static void ShowLatestChange(Screen screen, Policy policy)
    {
        RuleVersion[] general = [.. policy.Versions.Where(v => v.Jurisdictions.Count == 0)];
        if (general.Length < 2)
        {
            return;
        }

        RuleVersion left = general[^2];
        RuleVersion right = general[^1];
        screen.Heading($"3. What changed from {left.Id} to {right.Id}, over every possible request");
        VersionDifference difference = VersionComparer.Compare(left, right);
        screen.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"{Period(left)} and {Period(right)} decide differently on {difference.DifferingClassCount:N0} of {difference.ClassCount:N0} classes of items (one account and one data category), in {difference.Regions.Count} regions:"));
        screen.Line();
        for (int i = 0; i < difference.Regions.Count; i++)
        {
            DifferenceRegion region = difference.Regions[i];
            screen.Line(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {left.Id} {region.LeftOutcome} -> {right.Id} {region.RightOutcome}: {region.Where}"));
        }

        screen.Line();
        screen.Line($"Each region names only the facts it constrains. The full table: disclosure compare {left.Id} {right.Id}");
    }

    private static string Period(RuleVersion version) => version.EffectiveUntil is LocalDate until
        ? $"{version.Id} ({LocalDatePattern.Iso.Format(version.EffectiveFrom)} to {LocalDatePattern.Iso.Format(until)})"
        : $"{version.Id} (from {LocalDatePattern.Iso.Format(version.EffectiveFrom)})";

    // The sample requests' lives, as a host would record them: acknowledged the day after receipt, decided two days after,
    // the permitted items disclosed a week after, and refused requests closed on the day of the decision. One permission is
    // deliberately never acted on: a permission is not a disclosure, and the report does not count it.
    private const string NeverDisclosed = "ES-2025-0660";

    private static void ShowTransparencyReport(
        Screen screen, DisclosureEngine engine, Policy policy, List<SourcedRequest> samples, ProblemLog problems)
    {
        screen.Heading("4. The transparency report of what the sample requests' histories disclosed");
        var recorder = new InMemoryDecisionRecorder();
        foreach (SourcedRequest sample in samples)
        {
            Instant received = sample.Request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            Instant decidedAt = received + Duration.FromDays(2) + Duration.FromHours(10);
            Decision decision = new DisclosureEngine(policy, new FixedClock(decidedAt), engine.Zone).Evaluate(sample.Request);
            if (DecisionRecords.TryCreate(sample, decision, policy, problems) is not DecisionRecord record)
            {
                continue;
            }

            Awaited.Result(recorder.RecordAsync(record));
            Awaited.Result(recorder.AppendAsync(RequestEvent.Acknowledged(record.RequestId, received + Duration.FromDays(1) + Duration.FromHours(9))));
            DisclosedItem[] permitted = [.. decision.Results.Where(r => r.Outcome == ItemOutcome.Permitted).Select(r => new DisclosedItem(r.AccountReference, r.Category))];
            if (permitted.Length > 0 && record.RequestId != NeverDisclosed)
            {
                Awaited.Result(recorder.AppendAsync(RequestEvent.Disclosed(record.RequestId, received + Duration.FromDays(7) + Duration.FromHours(14), permitted)));
            }
            else if (decision.Outcome is DecisionOutcome.Deny or DecisionOutcome.NotApplicable)
            {
                Awaited.Result(recorder.AppendAsync(RequestEvent.ClosedWithoutDisclosure(record.RequestId, decidedAt, $"refused: {decision.Outcome}")));
            }
        }

        List<RequestHistory> histories = Awaited.Result(recorder.ReadHistoriesAsync(RecordQuery.All).ToListAsync());
        foreach (RequestHistory history in histories)
        {
            screen.Line(PrintableText.Escape(string.Create(CultureInfo.InvariantCulture, $"  {history.RequestId}: received {LocalDatePattern.Iso.Format(history.ReceivedAt.InUtc().Date)}, {Story(history)}")));
        }

        screen.Line();
        TransparencyReport report = TransparencyReport.Build(histories, ReportingSchedule.VersionCadence(engine.Zone));
        screen.Text(report.RenderText());
        screen.Line();
        screen.Line("A request counts as fulfilled once an item was actually disclosed, in the period of the disclosure date at the cadence of the version");
        screen.Line($"that permitted it. {NeverDisclosed} was permitted but never disclosed: it is not counted (internal column 'Not disclosed').");
        screen.Line("Denied, pending and not-applicable requests are never published.");
        screen.Line("Record a request's life with: disclosure record, acknowledge, disclose, close; report it with: disclosure report records.jsonl");
    }

    private static string Story(RequestHistory history)
    {
        string decided = $"decided {LocalDatePattern.Iso.Format(history.Decision.DecidedAt.InUtc().Date)} ({history.Decision.Outcome} under {history.Decision.VersionId ?? "no version"})";
        return history.FirstDisclosedAt is Instant disclosed
            ? $"{decided}, disclosed {LocalDatePattern.Iso.Format(disclosed.InUtc().Date)}: {string.Join(", ", history.DisclosedItems)}"
            : history.Closing is not null ? $"{decided}, closed without disclosure"
            : history.IsPermittedButNotDisclosed ? $"{decided}, never disclosed" : $"{decided}, still open";
    }
}
