using System.CommandLine;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary><c>report &lt;records.jsonl&gt;</c>: the transparency report of the decisions recorded in a JSON Lines file.</summary>
internal static class ReportCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var records = new Argument<string>("records") { Description = "A JSON Lines file of decision records, as written by 'record'." };
        var period = new Option<string?>("--period")
        {
            Description = "Group by calendar quarter or half-year. Without it, each record goes to the period its version promises (half-years under V1, quarters under V2).",
        };
        period.AcceptOnlyFromAmong("quarter", "half-year");
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, csv (the published columns) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        var command = new Command("report", "Build the transparency report (fulfilled requests and affected users per country and period) from recorded decisions.")
        {
            records, period, format,
        };
        command.SetAction(parsed => Run(environment, parsed.GetValue(records)!, parsed.GetValue(period), parsed.GetValue(format)!));
        return command;
    }

    /// <summary>Renders a report in a format named on the command line.</summary>
    public static string Render(TransparencyReport report, string format) => format switch
    {
        "csv" => TransparencyReportCsv.Published(report),
        "json" => TransparencyReportJson.Write(report),
        _ => report.RenderText(),
    };

    private static int Run(CliEnvironment environment, string recordsPath, string? period, string format)
    {
        var problems = new ProblemLog(environment.Error);
        RecordFileContents? contents = RecordFile.Read(recordsPath, problems);
        if (contents is null)
        {
            return ExitCodes.BadInput;
        }

        ReportingSchedule schedule = period switch
        {
            "quarter" => ReportingSchedule.Quarterly(DateTimeZone.Utc),
            "half-year" => ReportingSchedule.SemiAnnual(DateTimeZone.Utc),
            _ => ReportingSchedule.VersionCadence(DateTimeZone.Utc),
        };
        TransparencyReport report = TransparencyReportBuilder.Build(contents.Histories, schedule);
        environment.Output.Write(Render(report, format));
        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
