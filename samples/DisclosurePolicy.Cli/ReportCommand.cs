using System.CommandLine;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary><c>report &lt;store&gt;</c>: the transparency report of what the recorded requests disclosed, or the DSA
/// Article 15(1)(a) report of the orders received from EU Member States. A record whose version id and content hash
/// match no version of the rules (built-in, or <c>--rules</c>) is reported and left out of the figures: it was decided
/// under rules nobody can show, or was edited.</summary>
internal static class ReportCommand
{
    public static Command Build(CliEnvironment environment, Option<string?> rules)
    {
        rules.Description = "The rule versions the records were decided under (docs/rules-format.md), instead of the built-in ones: "
            + "a record whose version id and content hash match none of them is reported and not counted.";
        var records = new Argument<string>("records") { Description = "The store of records, as written by 'record': " + RecordStore.Description + "." };
        var kind = new Option<string>("--kind")
        {
            Description = "transparency: fulfilled requests and affected users per country and period of the disclosure date; "
                + "dsa: DSA Article 15(1)(a) orders from EU Member States per State, period of receipt and offence, with median times.",
            DefaultValueFactory = _ => "transparency",
        };
        kind.AcceptOnlyFromAmong("transparency", "dsa");
        var period = new Option<string?>("--period")
        {
            Description = "Group by calendar quarter or half-year. Without it, a transparency report puts each disclosure in the period its version promises "
                + "(half-years under V1, quarters under V2); a DSA report uses half-years.",
        };
        period.AcceptOnlyFromAmong("quarter", "half-year");
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, csv (the published columns) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        var command = new Command("report", "Build the transparency report (disclosures per country and period) or the DSA Article 15(1)(a) report from a record store; a database computes it.")
        {
            records, kind, period, format, rules,
        };
        command.SetAction(parsed => Run(environment, parsed.GetValue(records)!, parsed.GetValue(kind)!, parsed.GetValue(period), parsed.GetValue(format)!, parsed.GetValue(rules)));
        return command;
    }

    /// <summary>Renders a report in a format named on the command line.</summary>
    public static string Render(TransparencyReport report, string format) => format switch
    {
        "csv" => report.ToPublishedCsv(),
        "json" => report.ToJson(),
        _ => report.RenderText(),
    };

    private static int Run(CliEnvironment environment, string recordsPath, string kind, string? period, string format, string? rulesPath)
    {
        var problems = new ProblemLog(environment.Error);
        Policy? policy = PolicySource.Load(rulesPath, environment, problems);
        if (policy is null)
        {
            return ExitCodes.BadInput;
        }

        using RecordStore? store = RecordStore.OpenForReading(recordsPath, problems);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        HashSet<string> unknown = UnknownVersions(store, policy, problems);

        ReportingSchedule schedule = period switch
        {
            "quarter" => ReportingSchedule.Quarterly(DateTimeZone.Utc),
            "half-year" => ReportingSchedule.SemiAnnual(DateTimeZone.Utc),
            _ when kind == "dsa" => ReportingSchedule.SemiAnnual(DateTimeZone.Utc),
            _ => ReportingSchedule.VersionCadence(DateTimeZone.Utc),
        };
        // Reports come from the store (a database computes them) unless some records must be left out.
        List<RequestHistory>? counted = unknown.Count == 0 ? null
            : [.. store.Recorder.ReadHistoriesAsync(RecordQuery.All).ToBlockingEnumerable().Where(h => !unknown.Contains(h.RequestId))];
        if (kind == "dsa")
        {
            DsaOrderReport dsa = counted is null
                ? Awaited.Result(store.Recorder.BuildDsaOrderReportAsync(schedule, dates: null))
                : DsaOrderReport.Build(counted, schedule);
            environment.Output.Write(format switch
            {
                "csv" => dsa.ToCsv(),
                "json" => dsa.ToJson(),
                _ => dsa.RenderText(),
            });
            return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        TransparencyReport report = counted is null
            ? Awaited.Result(store.Recorder.BuildTransparencyReportAsync(schedule, dates: null))
            : TransparencyReport.Build(counted, schedule);
        environment.Output.Write(Render(report, format));
        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    // The requests whose record names a version id and content hash that no version of the rules has, each logged with
    // the versions that are known.
    private static HashSet<string> UnknownVersions(RecordStore store, Policy policy, ProblemLog problems)
    {
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        string known = string.Join(", ", policy.Versions.Select(v => $"{v.Id} ({v.ContentHash})"));
        foreach (RequestHistory history in store.Recorder.ReadHistoriesAsync(RecordQuery.All).ToBlockingEnumerable())
        {
            DecisionRecord record = history.Decision;
            if (record.VersionId is null)
            {
                continue;
            }

            RuleVersion? version = policy.FindVersion(record.VersionId);
            if (version is not null && string.Equals(version.ContentHash, record.VersionContentHash, StringComparison.Ordinal))
            {
                continue;
            }

            unknown.Add(record.RequestId);
            string why = version is null ? $"{policy.Id} has no version of that id" : $"{policy.Id}'s {version.Id} has another content hash";
            problems.Add(store.Name, $"request '{record.RequestId}' was decided under version '{record.VersionId}' ({record.VersionContentHash ?? "no hash"}): {why}; known: {known}. It is left out of the report.");
        }

        return unknown;
    }
}
