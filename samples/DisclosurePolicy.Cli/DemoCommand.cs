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

        List<Decision> decisions = ExplainUnderRuleInForce(screen, engine, samples);
        CompareVersions(screen, engine, policy, samples);
        ShowLatestChange(screen, policy);
        ShowTransparencyReport(screen, engine, policy, samples, decisions, problems);
        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static List<Decision> ExplainUnderRuleInForce(Screen screen, DisclosureEngine engine, List<SourcedRequest> samples)
    {
        screen.Heading("1. Each request under the rule in force when it was received");
        var decisions = new List<Decision>();
        for (int i = 0; i < samples.Count; i++)
        {
            screen.Line(string.Create(CultureInfo.InvariantCulture, $"--- {i + 1}. {samples[i].Source} ---"), "dim");
            Decision decision = engine.Evaluate(samples[i].Request);
            decisions.Add(decision);
            DecisionView.Explain(screen, decision);
            screen.Line();
        }

        return decisions;
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
                sample.Request.Id,
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

    // What the decisions above put in the transparency report: fulfilled requests and affected users per country, in the
    // period each deciding version promises.
    private static void ShowTransparencyReport(
        Screen screen, DisclosureEngine engine, Policy policy, List<SourcedRequest> samples, List<Decision> decisions, ProblemLog problems)
    {
        screen.Heading("4. The transparency report of the decisions in section 1");
        var records = new List<DecisionRecord>();
        for (int i = 0; i < samples.Count; i++)
        {
            if (DecisionRecords.TryCreate(samples[i], decisions[i], policy, problems) is DecisionRecord record)
            {
                records.Add(record);
            }
        }

        TransparencyReport report = TransparencyReportBuilder.Build(records, ReportingSchedule.VersionCadence(engine.Zone));
        screen.Text(report.RenderText());
        screen.Line();
        screen.Line("Denied, pending and not-applicable requests are never published; only requests that permitted something count.");
        screen.Line("Record decisions with: disclosure record <file> --to records.jsonl; report them with: disclosure report records.jsonl");
    }
}
