using System.Globalization;
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
        if (difference.Scope is null)
        {
            writer.WriteNull("scope");
        }
        else
        {
            writer.WriteString("scope", difference.Scope.ToString());
        }

        writer.WriteBoolean("equivalent", difference.AreEquivalent);
        writer.WriteNumber("classes", difference.ClassCount);
        writer.WriteNumber("combinations", difference.CombinationCount);
        writer.WriteNumber("differingClasses", difference.DifferingClassCount);
        writer.WriteNumber("differingCombinations", difference.DifferingCombinationCount);
        writer.WriteStartArray("regions");
        foreach (DifferenceRegion region in difference.Regions)
        {
            writer.WriteStartObject();
            writer.WriteString("left", region.LeftOutcome.ToString());
            writer.WriteString("right", region.RightOutcome.ToString());
            writer.WriteString("description", region.Description);
            writer.WriteNumber("classes", region.ClassCount);
            writer.WriteNumber("combinations", region.CombinationCount);
            writer.WriteStartArray("conditions");
            foreach (RegionCondition condition in region.Conditions)
            {
                writer.WriteStartObject();
                writer.WriteString("fact", condition.Key);
                writer.WriteString("text", condition.Text);
                writer.WriteStartArray("values");
                foreach (string value in condition.Values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("partitions");
        foreach (FactPartition partition in difference.Partitions)
        {
            writer.WriteStartObject();
            writer.WriteString("fact", partition.Key);
            writer.WriteString("name", partition.Name);
            writer.WriteStartArray("classes");
            foreach (string phrase in partition.Classes)
            {
                writer.WriteStringValue(phrase);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteVersion(Utf8JsonWriter writer, string name, RuleVersion version)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", version.Id);
        writer.WriteString("title", version.Title);
        writer.WriteString("citation", version.Citation);
        writer.WriteString("effectiveFrom", Date(version.EffectiveFrom));
        if (version.EffectiveUntil is NodaTime.LocalDate until)
        {
            writer.WriteString("effectiveUntil", Date(until));
        }
        else
        {
            writer.WriteNull("effectiveUntil");
        }

        writer.WriteEndObject();
    }

    private static string Date(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
