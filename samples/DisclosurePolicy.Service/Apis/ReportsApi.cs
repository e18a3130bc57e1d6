using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Service.Errors;
using DisclosurePolicy.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace DisclosurePolicy.Service.Apis;

/// <summary><c>/reports</c>: the transparency report and the DSA Article 15(1)(a) report of a period, built by the
/// store, as JSON or CSV.</summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Reports");
        group.MapGet("/transparency", Transparency)
            .RequireAuthorization(Roles.Auditor)
            .WithName("TransparencyReport")
            .WithSummary("Fulfilled requests and affected users per country and period of the disclosure date; from and to "
                + "(ISO dates, both included) select the disclosures; period = quarter | half-year, else each version's cadence; format = json | csv.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/dsa", Dsa)
            .RequireAuthorization(Roles.Auditor)
            .WithName("DsaOrderReport")
            .WithSummary("DSA Article 15(1)(a): orders from EU Member States per State, period of receipt and offence, with median "
                + "times; from and to select receipt dates; period = quarter | half-year (default); format = json | csv.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return group;
    }

    private static async Task<Results<ContentHttpResult, HttpValidationProblem>> Transparency(
        IDecisionRecorder store, DisclosureEngine engine, string? from, string? to, string? period, string? format, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        DateInterval? dates = Dates(from, to, problems);
        ReportingSchedule? schedule = Schedule(period, ReportingSchedule.VersionCadence(engine.Zone), engine.Zone, problems);
        bool csv = Format(format, problems);
        if (problems.Count > 0)
        {
            return Problems.Invalid(problems);
        }

        TransparencyReport report = await store.BuildTransparencyReportAsync(schedule!, dates, cancellationToken);
        return csv
            ? TypedResults.Content(report.ToPublishedCsv(), "text/csv; charset=utf-8")
            : TypedResults.Content(report.ToJson(), "application/json");
    }

    private static async Task<Results<ContentHttpResult, HttpValidationProblem>> Dsa(
        IDecisionRecorder store, DisclosureEngine engine, string? from, string? to, string? period, string? format, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        DateInterval? dates = Dates(from, to, problems);
        ReportingSchedule? schedule = Schedule(period, ReportingSchedule.SemiAnnual(engine.Zone), engine.Zone, problems);
        bool csv = Format(format, problems);
        if (problems.Count > 0)
        {
            return Problems.Invalid(problems);
        }

        DsaOrderReport report = await store.BuildDsaOrderReportAsync(schedule!, dates, cancellationToken);
        return csv
            ? TypedResults.Content(report.ToCsv(), "text/csv; charset=utf-8")
            : TypedResults.Content(report.ToJson(), "application/json");
    }

    private static DateInterval? Dates(string? from, string? to, List<ValidationProblem> problems)
    {
        LocalDate? start = Date("from", from, problems);
        LocalDate? end = Date("to", to, problems);
        if ((from is null) != (to is null))
        {
            problems.Add(new(from is null ? "from" : "to", null, "give both ends of the period (from and to), or neither for every record"));
            return null;
        }

        if (start is LocalDate s && end is LocalDate e)
        {
            if (e < s)
            {
                problems.Add(new("to", to, $"before from ({from}); the period is empty"));
                return null;
            }

            return new DateInterval(s, e);
        }

        return null;
    }

    private static LocalDate? Date(string name, string? text, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            problems.Add(new(name, text, "not an ISO date, such as 2025-01-01"));
            return null;
        }

        return parsed.Value;
    }

    private static ReportingSchedule? Schedule(string? period, ReportingSchedule byDefault, DateTimeZone zone, List<ValidationProblem> problems)
    {
        switch (period)
        {
            case null:
                return byDefault;
            case "quarter":
                return ReportingSchedule.Quarterly(zone);
            case "half-year":
                return ReportingSchedule.SemiAnnual(zone);
            default:
                problems.Add(new("period", period, "not a period; accepted: quarter, half-year"));
                return null;
        }
    }

    private static bool Format(string? format, List<ValidationProblem> problems)
    {
        if (format is not (null or "json" or "csv"))
        {
            problems.Add(new("format", format, "not a format; accepted: json, csv"));
        }

        return format == "csv";
    }
}
