using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Reporting;
using NodaTime;

namespace DisclosurePolicy.Serialization;

/// <summary>Writes the DSA Article 15(1)(a) report as JSON (schema <see cref="Schema"/>), documented in <c>docs/record-format.md</c>.</summary>
public static class DsaOrderReportJson
{
    /// <summary>The schema tag written in every report.</summary>
    public const string Schema = "dsa-order-report/1";

    private static readonly JsonWriterOptions Pretty = new() { Indented = true };

    /// <summary>Writes a report as indented JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string Write(DsaOrderReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Pretty))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("schedule", report.Schedule.Name);
            writer.WriteString("zone", report.Schedule.Zone.Id);
            writer.WriteStartArray("rows");
            foreach (DsaOrderReportRow row in report.Rows)
            {
                writer.WriteStartObject();
                writer.WriteString("memberState", row.MemberState);
                TransparencyReportJson.WritePeriod(writer, row.Period);
                writer.WriteString("offence", row.Offence.ToString());
                writer.WriteNumber("ordersReceived", row.Received);
                writer.WriteNumber("acknowledged", row.Acknowledged);
                WriteHours(writer, "medianHoursToAcknowledge", row.MedianTimeToAcknowledge);
                writer.WriteNumber("givenEffect", row.GivenEffect);
                WriteHours(writer, "medianHoursToEffect", row.MedianTimeToEffect);
                writer.WriteNumber("refused", row.Refused);
                writer.WriteNumber("closedWithoutEffect", row.ClosedWithoutEffect);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteHours(Utf8JsonWriter writer, string name, Duration? duration)
    {
        if (duration is Duration d)
        {
            writer.WriteNumber(name, Math.Round(d.TotalHours, 2));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
