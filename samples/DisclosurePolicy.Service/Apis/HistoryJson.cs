using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Service.Apis;

/// <summary>Writes a request's history as the service answers it: <c>requestId</c>, the decision <c>record</c> and the
/// later <c>events</c>, each in the documented record format (<c>docs/record-format.md</c>), with the library's writers.</summary>
internal static class HistoryJson
{
    public static string Write(RequestHistory history)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("requestId", history.RequestId);
            writer.WritePropertyName("record");
            DecisionRecordJson.Write(writer, history.Decision);
            writer.WriteStartArray("events");
            foreach (RequestEvent e in history.Events.Where(e => e.Kind != RequestEventKind.Decided))
            {
                RequestEventJson.Write(writer, e);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
