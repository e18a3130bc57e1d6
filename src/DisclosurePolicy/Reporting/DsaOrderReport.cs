using System.Globalization;
using System.Text;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>The DSA Article 15(1)(a) report: orders received from EU Member States' authorities, per issuing Member State,
/// period and offence category, with the median times to inform the authority and to give effect.</summary>
/// <remarks>
/// <para>Build one with <see cref="Build"/> (or a recorder's <see cref="IDecisionRecorder.BuildDsaOrderReportAsync"/>);
/// export it with <see cref="ToJson"/>, <see cref="ToCsv"/> or <see cref="RenderText"/>. Times are given in hours.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class DsaOrderReport
{
    /// <summary>Initializes a new instance of the <see cref="DsaOrderReport"/> class.</summary>
    /// <param name="schedule">The schedule the periods of the receipt dates come from.</param>
    /// <param name="rows">The rows.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DsaOrderReport(ReportingSchedule schedule, IEnumerable<DsaOrderReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(rows);
        Schedule = schedule;
        Rows = Array.AsReadOnly(rows.ToArray());
    }

    /// <summary>Gets the schedule the periods of the receipt dates come from.</summary>
    public ReportingSchedule Schedule { get; }

    /// <summary>Gets the rows, by Member State (ordinal), period, then offence category.</summary>
    public IReadOnlyList<DsaOrderReportRow> Rows { get; }

    /// <summary>Builds the report from requests' histories: orders received from EU Member States' authorities, by
    /// issuing Member State and offence category, with the median times to inform the authority and to give effect.</summary>
    /// <param name="histories">The requests' histories (for example a recorder's <see cref="IDecisionRecorder.ReadHistoriesAsync"/>).</param>
    /// <param name="schedule">How receipt dates are grouped into periods, and in which zone.</param>
    /// <returns>The report, one row per Member State, period and offence category with at least one order.</returns>
    /// <exception cref="ArgumentNullException">An argument or a history is <see langword="null"/>.</exception>
    /// <remarks>
    /// An order counts when its requesting country was an EU Member State on its receipt date
    /// (<see cref="Requests.Jurisdiction.IsEuMemberStateOn"/>); it is placed in the period containing its receipt date
    /// (the receipt instant's local date in the schedule's zone). Orders from anywhere else are left out. Requests with no
    /// recorded decision are not in a recorder, so they are not counted yet.
    /// </remarks>
    public static DsaOrderReport Build(IEnumerable<RequestHistory> histories, ReportingSchedule schedule) =>
        DsaOrderReportBuilder.Build(histories, schedule);

    /// <summary>Exports the report as CSV (RFC 4180, CRLF line ends).</summary>
    /// <returns>The CSV text with the header
    /// <c>member_state,period,start,end,offence,orders_received,acknowledged,median_hours_to_acknowledge,given_effect,median_hours_to_effect,refused,closed_without_effect</c>;
    /// a median is empty when there is none.</returns>
    public string ToCsv() => ReportCsv.Dsa(this);

    /// <summary>Exports the report as indented JSON, schema <c>dsa-order-report/1</c> (docs/record-format.md).</summary>
    /// <returns>The JSON text; a median is <see langword="null"/> when there is none.</returns>
    public string ToJson() => ReportJson.Write(this);

    /// <summary>Renders the report as a plain-text table.</summary>
    /// <returns>The table, one line per Member State, period and offence category.</returns>
    public string RenderText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"DSA Article 15(1)(a): orders from EU Member States' authorities, {Schedule}; times in hours").AppendLine();
        string[] headers = ["State", "Period", "Offence", "Orders", "Acknowledged", "Median to ack.", "Given effect", "Median to effect", "Refused", "Closed"];
        List<string[]> lines = [headers];
        lines.AddRange(Rows.Select(row => new[]
        {
            row.MemberState, row.Period.Label, row.Offence.ToString(), Number(row.Received), Number(row.Acknowledged),
            Hours(row.MedianTimeToAcknowledge, "-"), Number(row.GivenEffect), Hours(row.MedianTimeToEffect, "-"), Number(row.Refused), Number(row.ClosedWithoutEffect),
        }));
        TextTable.Append(text, lines, textColumns: 3);
        return text.ToString();
    }

    /// <summary>Returns the schedule and the number of rows.</summary>
    /// <returns>A one-line summary; see <see cref="RenderText"/> for the table.</returns>
    public override string ToString() => $"DSA Article 15(1)(a) report, {Schedule}: {Rows.Count} row(s), {Rows.Sum(r => r.Received)} order-offence count(s)";

    internal static string Hours(Duration? duration, string none = "") =>
        duration is Duration d ? d.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) : none;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

}
