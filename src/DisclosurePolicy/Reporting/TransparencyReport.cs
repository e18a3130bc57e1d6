using System.Globalization;
using System.Text;

namespace DisclosurePolicy.Reporting;

/// <summary>A transparency report: the figures of each requesting country in each period, built from decision records.</summary>
/// <remarks>
/// <para>Build one with <see cref="TransparencyReportBuilder.Build"/>; export it with <see cref="Serialization.TransparencyReportJson"/>,
/// <see cref="TransparencyReportCsv"/> or <see cref="RenderText"/>.</para>
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

    /// <summary>Returns the row of a country and period.</summary>
    /// <param name="country">The country code.</param>
    /// <param name="periodLabel">The period's label, such as <c>2025-Q1</c>.</param>
    /// <returns>The row, or <see langword="null"/> when the report has none.</returns>
    public TransparencyReportRow? Find(string country, string periodLabel) =>
        Rows.FirstOrDefault(r => string.Equals(r.Country, country, StringComparison.Ordinal) && string.Equals(r.Period.Label, periodLabel, StringComparison.Ordinal));

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

        int[] widths = [.. Enumerable.Range(0, headers.Length).Select(i => lines.Max(l => l[i].Length))];
        foreach (string[] line in lines)
        {
            for (int i = 0; i < line.Length; i++)
            {
                // Text columns align left, figures right.
                text.Append(i < 2 ? line[i].PadRight(widths[i]) : line[i].PadLeft(widths[i]));
                text.Append(i == line.Length - 1 ? string.Empty : "  ");
            }

            text.AppendLine();
        }

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
