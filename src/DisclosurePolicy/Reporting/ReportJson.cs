using DisclosurePolicy.Internal;
using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Reporting;

// The two reports' JSON (schemas transparency-report/1 and dsa-order-report/1, documented in docs/record-format.md),
// written by TransparencyReport.ToJson and DsaOrderReport.ToJson: the schema, the schedule and its zone, then one object
// a row, each opening with its country and period.
internal static class ReportJson
{
    internal const string TransparencySchema = "transparency-report/1";

    internal const string DsaOrderSchema = "dsa-order-report/1";

    private static readonly JsonWriterOptions Pretty = new() { Indented = true };

    internal static string Write(TransparencyReport report) =>
        Write(TransparencySchema, report.Schedule, report.Rows, "country", row => row.Country, row => row.Period, WriteRow);

    internal static string Write(DsaOrderReport report) =>
        Write(DsaOrderSchema, report.Schedule, report.Rows, "memberState", row => row.MemberState, row => row.Period, WriteRow);

    private static string Write<TRow>(
        string schema,
        ReportingSchedule schedule,
        IReadOnlyList<TRow> rows,
        string countryName,
        Func<TRow, string> country,
        Func<TRow, ReportingPeriod> period,
        Action<Utf8JsonWriter, TRow> writeFigures)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Pretty))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", schema);
            writer.WriteString("schedule", schedule.Name);
            writer.WriteString("zone", schedule.Zone.Id);
            writer.WriteStartArray("rows");
            foreach (TRow row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString(countryName, country(row));
                ReportingPeriod p = period(row);
                writer.WriteStartObject("period");
                writer.WriteString("label", p.Label);
                writer.WriteString("start", IsoDates.Format(p.Start));
                writer.WriteString("end", IsoDates.Format(p.End));
                writer.WriteEndObject();
                writeFigures(writer, row);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // A "published" object (what the platform publishes) and an "internal" object (the breakdown it keeps), so a
    // publishing step can take the first and drop the second.
    private static void WriteRow(Utf8JsonWriter writer, TransparencyReportRow row)
    {
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
    }

    private static void WriteRow(Utf8JsonWriter writer, DsaOrderReportRow row)
    {
        writer.WriteString("offence", row.Offence.ToString());
        writer.WriteNumber("ordersReceived", row.Received);
        writer.WriteNumber("acknowledged", row.Acknowledged);
        WriteHours(writer, "medianHoursToAcknowledge", row.MedianTimeToAcknowledge);
        writer.WriteNumber("givenEffect", row.GivenEffect);
        WriteHours(writer, "medianHoursToEffect", row.MedianTimeToEffect);
        writer.WriteNumber("refused", row.Refused);
        writer.WriteNumber("closedWithoutEffect", row.ClosedWithoutEffect);
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
