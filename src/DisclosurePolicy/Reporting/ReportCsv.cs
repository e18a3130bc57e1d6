using DisclosurePolicy.Internal;
using System.Globalization;
using System.Text;

namespace DisclosurePolicy.Reporting;

// The reports' CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields quoted when they hold a comma, a
// double quote or a line break, with inner quotes doubled), written by the reports' To...Csv methods.
internal static class ReportCsv
{
    private const string LineEnd = "\r\n";

    internal static string Published(TransparencyReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "country", "period", "start", "end", "fulfilled_requests", "affected_users");
        foreach (TransparencyReportRow row in report.Rows)
        {
            Line(csv, row.Country, row.Period.Label, IsoDates.Format(row.Period.Start), IsoDates.Format(row.Period.End), Number(row.FulfilledRequests), Number(row.AffectedUsers));
        }

        return csv.ToString();
    }

    internal static string Breakdown(TransparencyReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "country", "period", "start", "end", "measure", "key", "count");
        foreach (TransparencyReportRow row in report.Rows)
        {
            void Add(string measure, string key, int count) =>
                Line(csv, row.Country, row.Period.Label, IsoDates.Format(row.Period.Start), IsoDates.Format(row.Period.End), measure, key, Number(count));

            Add("fulfilled_requests", string.Empty, row.FulfilledRequests);
            Add("affected_users", string.Empty, row.AffectedUsers);
            Add("received", string.Empty, row.Received);
            Add("permitted_not_disclosed", string.Empty, row.PermittedNotDisclosed);
            Add("outcome", "MayDisclose", row.MayDisclose);
            Add("outcome", "PartiallyPermitted", row.PartiallyPermitted);
            Add("outcome", "PendingLegalAnalysis", row.PendingLegalAnalysis);
            Add("outcome", "Deny", row.Denied);
            Add("outcome", "NotApplicable", row.NotApplicable);
            foreach (ReasonCount reason in row.DeniedByReason)
            {
                Add("denied_by_reason", reason.Code, reason.Requests);
            }

            foreach (InstrumentCount instrument in row.ByInstrument)
            {
                Add("received_by_instrument", instrument.Instrument.ToString(), instrument.Received);
                Add("fulfilled_by_instrument", instrument.Instrument.ToString(), instrument.Fulfilled);
            }
        }

        return csv.ToString();
    }

    /// <summary>Quotes one field as RFC 4180 requires, and neutralises one a spreadsheet would run as a formula.</summary>
    /// <param name="field">The field's text.</param>
    /// <returns>The field unchanged, or in double quotes with inner quotes doubled when it holds a comma, a quote, CR or LF.
    /// A field starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or CR is first prefixed with an apostrophe, as
    /// spreadsheet users expect, so that a tampered value such as <c>=HYPERLINK(...)</c> is shown as text, never run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    internal static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);

        // Report figures are never negative, so no number of ours starts with one of these characters.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    internal static string Dsa(DsaOrderReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "member_state", "period", "start", "end", "offence", "orders_received", "acknowledged", "median_hours_to_acknowledge",
            "given_effect", "median_hours_to_effect", "refused", "closed_without_effect");
        foreach (DsaOrderReportRow row in report.Rows)
        {
            Line(
                csv, row.MemberState, row.Period.Label, IsoDates.Format(row.Period.Start), IsoDates.Format(row.Period.End), row.Offence.ToString(),
                Number(row.Received), Number(row.Acknowledged), DsaOrderReport.Hours(row.MedianTimeToAcknowledge),
                Number(row.GivenEffect), DsaOrderReport.Hours(row.MedianTimeToEffect), Number(row.Refused), Number(row.ClosedWithoutEffect));
        }

        return csv.ToString();
    }

    private static void Line(StringBuilder csv, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Quote(fields[i]));
        }

        csv.Append(LineEnd);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
