using DisclosurePolicy.Internal;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>Writes a <see cref="VersionDifference"/> as JSON with <see cref="Utf8JsonWriter"/> (no reflection).</summary>
internal static class DifferenceJson
{
    public static string Render(VersionDifference difference)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(difference, writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(VersionDifference difference, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteVersion(writer, "left", difference.Left);
        WriteVersion(writer, "right", difference.Right);
        StringOrNull(writer, "scope", difference.Scope?.ToString());
        writer.WriteBoolean("equivalent", difference.AreEquivalent);
        writer.WriteNumber("classes", difference.ClassCount);
        writer.WriteNumber("combinations", difference.CombinationCount);
        writer.WriteNumber("differingClasses", difference.DifferingClassCount);
        writer.WriteNumber("differingCombinations", difference.DifferingCombinationCount);
        Objects(writer, "regions", difference.Regions, WriteRegion);
        Objects(writer, "partitions", difference.Partitions, WritePartition);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteRegion(Utf8JsonWriter writer, DifferenceRegion region)
    {
        writer.WriteString("left", region.LeftOutcome.ToString());
        writer.WriteString("right", region.RightOutcome.ToString());
        writer.WriteString("description", region.Description);
        writer.WriteNumber("classes", region.ClassCount);
        writer.WriteNumber("combinations", region.CombinationCount);
        Objects(writer, "conditions", region.Conditions, WriteCondition);
    }

    private static void WriteCondition(Utf8JsonWriter writer, RegionCondition condition)
    {
        writer.WriteString("fact", condition.Key);
        writer.WriteString("text", condition.Text);
        Strings(writer, "values", condition.Values);
    }

    private static void WritePartition(Utf8JsonWriter writer, FactPartition partition)
    {
        writer.WriteString("fact", partition.Key);
        writer.WriteString("name", partition.Name);
        Strings(writer, "classes", partition.Classes);
    }

    private static void WriteVersion(Utf8JsonWriter writer, string name, RuleVersion version)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", version.Id);
        writer.WriteString("title", version.Title);
        writer.WriteString("citation", version.Citation);
        writer.WriteString("effectiveFrom", IsoDates.Format(version.EffectiveFrom));
        StringOrNull(writer, "effectiveUntil", version.EffectiveUntil is NodaTime.LocalDate until ? IsoDates.Format(until) : null);
        writer.WriteEndObject();
    }

    private static void Objects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeMembers)
    {
        writer.WriteStartArray(name);
        foreach (T item in items)
        {
            writer.WriteStartObject();
            writeMembers(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void StringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

}
