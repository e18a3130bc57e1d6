using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;

namespace DisclosurePolicy.Cli;

/// <summary>Writes the library's per-request comparisons as JSON for tools: both outcomes, and each item with its two
/// outcomes and the reason codes that account for them.</summary>
internal static class RequestComparisonView
{
    public static string Json(IEnumerable<RequestComparison> comparisons)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (RequestComparison comparison in comparisons)
            {
                Write(writer, comparison);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, RequestComparison comparison)
    {
        writer.WriteStartObject();
        writer.WriteString("requestId", comparison.Left.RequestId);
        WriteSide(writer, "left", comparison.Left);
        WriteSide(writer, "right", comparison.Right);
        writer.WriteBoolean("outcomeChanged", comparison.OutcomeChanged);
        writer.WriteStartArray("items");
        foreach (ItemComparison item in comparison.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("accountReference", item.AccountReference);
            writer.WriteString("category", item.Category.ToString());
            writer.WriteString("left", item.LeftOutcome.ToString());
            writer.WriteString("right", item.RightOutcome.ToString());
            writer.WriteBoolean("changed", item.IsChanged);
            WriteCodes(writer, "leftReasons", item.LeftReasons);
            WriteCodes(writer, "rightReasons", item.RightReasons);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, Decision decision)
    {
        writer.WriteStartObject(name);
        writer.WriteString("version", decision.VersionId);
        writer.WriteString("outcome", decision.Outcome.ToString());
        writer.WriteEndObject();
    }

    private static void WriteCodes(Utf8JsonWriter writer, string name, IReadOnlyList<Reason> reasons)
    {
        writer.WriteStartArray(name);
        foreach (Reason reason in reasons)
        {
            writer.WriteStringValue(reason.Code);
        }

        writer.WriteEndArray();
    }
}
