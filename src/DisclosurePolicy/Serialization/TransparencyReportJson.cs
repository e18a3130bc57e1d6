using DisclosurePolicy.Internal;
using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Serialization;

/// <summary>Writes transparency reports as JSON (schema <see cref="Schema"/>, documented in <c>docs/record-format.md</c>).</summary>
/// <remarks><para>Each row holds a <c>published</c> object (what the platform publishes) and an <c>internal</c> object (the
/// breakdown it keeps), so a publishing step can take the first and drop the second.</para></remarks>
public static class TransparencyReportJson
{
    /// <summary>The schema tag written in every report.</summary>
    public const string Schema = "transparency-report/1";

    /// <summary>Writes a report as indented JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string Write(TransparencyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a report as one JSON object to a writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, TransparencyReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("schedule", report.Schedule.Name);
        writer.WriteString("zone", report.Schedule.Zone.Id);
        writer.WriteStartArray("rows");
        foreach (TransparencyReportRow row in report.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("country", row.Country);
            WritePeriod(writer, row.Period);
            writer.WriteStartObject("published");
            writer.WriteNumber("fulfilledRequests", row.FulfilledRequests);
            writer.WriteNumber("affectedUsers", row.AffectedUsers);
            writer.WriteEndObject();
            writer.WriteStartObject("internal");
            writer.WriteNumber("received", row.Received);
            writer.WriteNumber("permittedNotDisclosed", row.PermittedNotDisclosed);
            writer.WriteStartObject("outcomes");
            writer.WriteNumber("MayDisclose", row.MayDisclose);
            writer.WriteNumber("PartiallyPermitted", row.PartiallyPermitted);
            writer.WriteNumber("PendingLegalAnalysis", row.PendingLegalAnalysis);
            writer.WriteNumber("Deny", row.Denied);
            writer.WriteNumber("NotApplicable", row.NotApplicable);
            writer.WriteEndObject();
            writer.WriteStartObject("deniedByReason");
            foreach (ReasonCount reason in row.DeniedByReason)
            {
                writer.WriteNumber(reason.Code, reason.Requests);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("byInstrument");
            foreach (InstrumentCount instrument in row.ByInstrument)
            {
                writer.WriteStartObject();
                writer.WriteString("instrument", instrument.Instrument.ToString());
                writer.WriteNumber("received", instrument.Received);
                writer.WriteNumber("fulfilled", instrument.Fulfilled);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // The period member of a report row, as both reports write it: label, first and last day.
    internal static void WritePeriod(Utf8JsonWriter writer, Rules.ReportingPeriod period)
    {
        writer.WriteStartObject("period");
        writer.WriteString("label", period.Label);
        writer.WriteString("start", IsoDates.Format(period.Start));
        writer.WriteString("end", IsoDates.Format(period.End));
        writer.WriteEndObject();
    }
}
