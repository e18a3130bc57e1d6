using System.CommandLine;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary><c>report &lt;store&gt;</c>: the transparency report of what the recorded requests disclosed, or the DSA
/// Article 15(1)(a) report of the orders received from EU Member States.</summary>
internal static class ReportCommand
{
    public static Command Build(CliEnvironment environment)
    {
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
            records, kind, period, format,
        };
        command.SetAction(parsed => Run(environment, parsed.GetValue(records)!, parsed.GetValue(kind)!, parsed.GetValue(period), parsed.GetValue(format)!));
        return command;
    }

    /// <summary>Renders a report in a format named on the command line.</summary>
    public static string Render(TransparencyReport report, string format) => format switch
    {
        "csv" => TransparencyReportCsv.Published(report),
        "json" => TransparencyReportJson.Write(report),
        _ => report.RenderText(),
    };

    private static int Run(CliEnvironment environment, string recordsPath, string kind, string? period, string format)
    {
        var problems = new ProblemLog(environment.Error);
        using RecordStore? store = RecordStore.OpenForReading(recordsPath, problems);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        ReportingSchedule schedule = period switch
        {
            "quarter" => ReportingSchedule.Quarterly(DateTimeZone.Utc),
            "half-year" => ReportingSchedule.SemiAnnual(DateTimeZone.Utc),
            _ when kind == "dsa" => ReportingSchedule.SemiAnnual(DateTimeZone.Utc),
            _ => ReportingSchedule.VersionCadence(DateTimeZone.Utc),
        };
        if (kind == "dsa")
        {
            DsaOrderReport dsa = Awaited.Result(store.Recorder.BuildDsaOrderReportAsync(schedule, dates: null));
            environment.Output.Write(format switch
            {
                "csv" => dsa.ToCsv(),
                "json" => DsaOrderReportJson.Write(dsa),
                _ => dsa.RenderText(),
            });
            return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        TransparencyReport report = Awaited.Result(store.Recorder.BuildTransparencyReportAsync(schedule, dates: null));
        environment.Output.Write(Render(report, format));
        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
