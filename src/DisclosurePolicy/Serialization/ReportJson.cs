using DisclosurePolicy.Internal;
using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Reporting;
using NodaTime;

namespace DisclosurePolicy.Serialization;

// The two reports' JSON (schemas transparency-report/1 and dsa-order-report/1, documented in docs/record-format.md),
// written by TransparencyReport.ToJson and DsaOrderReport.ToJson.
internal static class ReportJson
{
    internal const string TransparencySchema = "transparency-report/1";

    internal const string DsaOrderSchema = "dsa-order-report/1";

    private static readonly JsonWriterOptions Pretty = new() { Indented = true };

    // Each row holds a "published" object (what the platform publishes) and an "internal" object (the breakdown it
    // keeps), so a publishing step can take the first and drop the second.
    internal static string Write(TransparencyReport report) => Indented(writer => Write(writer, report));

    internal static string Write(DsaOrderReport report) => Indented(writer => Write(writer, report));

    private static string Indented(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Pretty))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, TransparencyReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", TransparencySchema);
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

    private static void Write(Utf8JsonWriter writer, DsaOrderReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", DsaOrderSchema);
        writer.WriteString("schedule", report.Schedule.Name);
        writer.WriteString("zone", report.Schedule.Zone.Id);
        writer.WriteStartArray("rows");
        foreach (DsaOrderReportRow row in report.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("memberState", row.MemberState);
            WritePeriod(writer, row.Period);
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

    // The period member of a report row, as both reports write it: label, first and last day.
    private static void WritePeriod(Utf8JsonWriter writer, Rules.ReportingPeriod period)
    {
        writer.WriteStartObject("period");
        writer.WriteString("label", period.Label);
        writer.WriteString("start", IsoDates.Format(period.Start));
        writer.WriteString("end", IsoDates.Format(period.End));
        writer.WriteEndObject();
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
