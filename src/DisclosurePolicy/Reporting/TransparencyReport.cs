using System.Globalization;
using System.Text;

namespace DisclosurePolicy.Reporting;

/// <summary>A transparency report: the figures of each requesting country in each period, built from decision records.</summary>
/// <remarks>
/// <para>Build one with <see cref="Build"/> (or a recorder's <see cref="IDecisionRecorder.BuildTransparencyReportAsync"/>);
/// export it with <see cref="ToJson"/>, <see cref="ToPublishedCsv"/>, <see cref="ToBreakdownCsv"/> or
/// <see cref="RenderText"/>.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class TransparencyReport
{
    /// <summary>Initializes a new instance of the <see cref="TransparencyReport"/> class.</summary>
    /// <param name="schedule">The schedule the periods come from.</param>
    /// <param name="rows">The rows, one per country and period.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TransparencyReport(ReportingSchedule schedule, IEnumerable<TransparencyReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(rows);
        Schedule = schedule;
        Rows = Array.AsReadOnly(rows.ToArray());
    }

    /// <summary>Gets the schedule the periods come from.</summary>
    public ReportingSchedule Schedule { get; }

    /// <summary>Gets the rows, by country (ordinal), then period.</summary>
    public IReadOnlyList<TransparencyReportRow> Rows { get; }

    /// <summary>Gets the total number of fulfilled requests over every row.</summary>
    public int FulfilledRequests => Rows.Sum(r => r.FulfilledRequests);

    /// <summary>Gets the total number of requests permitted but never disclosed over every row (internal only).</summary>
    public int PermittedNotDisclosed => Rows.Sum(r => r.PermittedNotDisclosed);

    /// <summary>Gets the total number of decisions over every row.</summary>
    public int Received => Rows.Sum(r => r.Received);

    /// <summary>Builds a report from requests' histories: per requesting country and period, the published figures and the
    /// internal breakdown.</summary>
    /// <param name="histories">The requests' histories, in any order (for example a recorder's <see cref="IDecisionRecorder.ReadHistoriesAsync"/>).</param>
    /// <param name="schedule">How requests are grouped into periods.</param>
    /// <returns>The report, with one row per country and period that has at least one request.</returns>
    /// <exception cref="ArgumentNullException">An argument or a history is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two histories under one request id differ.</exception>
    /// <remarks>
    /// Reports count disclosures, not permissions. A request is fulfilled when at least one item was disclosed; its
    /// affected users are the distinct accounts with a disclosed item; it is counted in the period its
    /// <see cref="ReportingSchedule"/> gives the date of its first disclosure. Requests with nothing disclosed (permitted
    /// but never acted on, pending, denied, not applicable) appear only in the internal breakdown, in the period of their
    /// decision date. A history given twice (the same request id, the same events) is counted once; two different
    /// histories under one request id are refused.
    /// </remarks>
    public static TransparencyReport Build(IEnumerable<RequestHistory> histories, ReportingSchedule schedule) =>
        TransparencyReportBuilder.Build(histories, schedule);

    /// <summary>Returns the row of a country and period.</summary>
    /// <param name="country">The country code.</param>
    /// <param name="periodLabel">The period's label, such as <c>2025-Q1</c>.</param>
    /// <returns>The row, or <see langword="null"/> when the report has none.</returns>
    public TransparencyReportRow? Find(string country, string periodLabel) =>
        Rows.FirstOrDefault(r => string.Equals(r.Country, country, StringComparison.Ordinal) && string.Equals(r.Period.Label, periodLabel, StringComparison.Ordinal));

    /// <summary>Exports the report as indented JSON, schema <c>transparency-report/1</c> (docs/record-format.md).</summary>
    /// <returns>The JSON text. Each row holds a <c>published</c> object (what the platform publishes) and an
    /// <c>internal</c> object (the breakdown it keeps), so a publishing step can take the first and drop the second.</returns>
    public string ToJson() => ReportJson.Write(this);

    /// <summary>Exports what the platform publishes as CSV (RFC 4180, CRLF line ends): one row per country and period.</summary>
    /// <returns>The CSV text with the header <c>country,period,start,end,fulfilled_requests,affected_users</c>. A field a
    /// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or CR) is prefixed
    /// with an apostrophe.</returns>
    public string ToPublishedCsv() => ReportCsv.Published(this);

    /// <summary>Exports the internal breakdown as CSV in long form: one row per country, period, measure and key.</summary>
    /// <returns>The CSV text with the header <c>country,period,start,end,measure,key,count</c>. Measures:
    /// <c>fulfilled_requests</c>, <c>affected_users</c>, <c>received</c>, <c>permitted_not_disclosed</c> (empty key);
    /// <c>outcome</c> (key: the decision outcome, every outcome listed, adding up to <c>received</c>);
    /// <c>denied_by_reason</c> (key: the reason code); <c>received_by_instrument</c> and <c>fulfilled_by_instrument</c>
    /// (key: the instrument kind). Fields are quoted and neutralised as by <see cref="ToPublishedCsv"/>.</returns>
    public string ToBreakdownCsv() => ReportCsv.Breakdown(this);

    /// <summary>Renders the report as a plain-text table: the published figures, then the internal breakdown.</summary>
    /// <returns>The table, one line per country and period.</returns>
    public string RenderText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Transparency report, {Schedule}").AppendLine();
        string[] headers = ["Country", "Period", "Fulfilled", "Users", "Received", "Full", "Partial", "Not disclosed", "Pending", "Denied", "N/A"];
        List<string[]> lines = [headers];
        foreach (TransparencyReportRow row in Rows)
        {
            lines.Add([
                row.Country.Length == 0 ? "(none)" : row.Country,
                row.Period.Label,
                Number(row.FulfilledRequests),
                Number(row.AffectedUsers),
                Number(row.Received),
                Number(row.MayDisclose),
                Number(row.PartiallyPermitted),
                Number(row.PermittedNotDisclosed),
                Number(row.PendingLegalAnalysis),
                Number(row.Denied),
                Number(row.NotApplicable),
            ]);
        }

        TextTable.Append(text, lines, textColumns: 2);

        foreach (TransparencyReportRow row in Rows.Where(r => r.DeniedByReason.Count > 0 || r.ByInstrument.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{(row.Country.Length == 0 ? "(none)" : row.Country)} {row.Period.Label}:").AppendLine();
            foreach (ReasonCount reason in row.DeniedByReason)
            {
                text.Append(CultureInfo.InvariantCulture, $"  denied, {reason.Code}: {reason.Requests}").AppendLine();
            }

            foreach (InstrumentCount instrument in row.ByInstrument)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {instrument.Instrument}: {instrument.Received} received, {instrument.Fulfilled} fulfilled").AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the schedule and the number of rows.</summary>
    /// <returns>A one-line summary; see <see cref="RenderText"/> for the table.</returns>
    public override string ToString() => $"Transparency report, {Schedule}: {Rows.Count} row(s), {FulfilledRequests} fulfilled of {Received} received";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
