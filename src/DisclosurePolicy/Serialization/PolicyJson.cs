using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Serialization;

/// <summary>
/// Reads and writes disclosure policies in the documented JSON format (<c>docs/rules-format.md</c>), which is the shape of
/// <see cref="PolicyDefinition"/>: the same file can be read here or bound through configuration.
/// </summary>
/// <remarks>
/// <para>Reading never throws on bad input: every problem (malformed JSON with its line and position, wrong types,
/// unknown fields, unknown names with the accepted ones, unreadable dates, and every rule-definition problem) is reported
/// with its path. Writing is deterministic: the same policy always gives the same text (two-space indents, <c>\n</c> line
/// ends, members in documented order, empty and default members left out).</para>
/// </remarks>
public static class PolicyJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",

        // The text is written to files and configuration, never into HTML; quotes and apostrophes in wordings stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a policy definition from a JSON object and builds the policy when it is valid.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition, the policy when valid, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ReadResult<Policy> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ValidationProblem>();
        using JsonDocument? document = JsonDocuments.TryParse(json, problems);
        if (document is null)
        {
            return new ReadResult<Policy>(null, ValidationResult.From(problems));
        }

        JsonObjectReader? root = JsonObjectReader.Open(document.RootElement, string.Empty, problems);
        if (root is null)
        {
            return new ReadResult<Policy>(null, ValidationResult.From(problems));
        }

        PolicyDefinition definition = ReadPolicy(root, problems);
        (Policy? policy, ValidationResult rules) = DefinitionCompiler.Compile(definition);

        // A field the JSON already got wrong is reported once, by the JSON reading.
        var shapePaths = new HashSet<string>(problems.Select(p => p.Path), StringComparer.Ordinal);
        problems.AddRange(rules.Problems.Where(p => !shapePaths.Contains(p.Path)));
        return new ReadResult<Policy>(problems.Count == 0 ? policy : null, ValidationResult.From(problems));
    }

    /// <summary>Writes a policy as indented JSON in the documented format.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The JSON text, ending with a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public static string Write(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Write(PolicyDefinition.From(policy));
    }

    /// <summary>Writes a policy definition as indented JSON in the documented format, as it stands (valid or not).</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text, ending with a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static string Write(PolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WritePolicy(writer, definition);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static PolicyDefinition ReadPolicy(JsonObjectReader reader, List<ValidationProblem> problems) =>
        Closed(reader, new PolicyDefinition
        {
            Id = reader.String("id", required: false),
            Title = reader.String("title", required: false),
            Versions = Objects(reader, "versions", problems, ReadVersion),
        });

    private static RuleVersionDefinition ReadVersion(JsonObjectReader reader, List<ValidationProblem> problems) =>
        Closed(reader, new RuleVersionDefinition
        {
            Id = reader.String("id", required: false),
            Title = reader.String("title", required: false),
            EffectiveFrom = reader.String("effectiveFrom", required: false),
            EffectiveUntil = reader.String("effectiveUntil", required: false),
            Citation = reader.String("citation", required: false),
            Wording = reader.String("wording", required: false),
            Cadence = reader.String("cadence", required: false),
            Jurisdictions = Strings(reader, "jurisdictions", problems) ?? [],
            TermsOfService = reader.Object("termsOfService", required: false) is JsonObjectReader tos ? ReadCatalogue(tos, problems) : null,
            Clauses = Objects(reader, "clauses", problems, ReadClause),
        });

    private static TosCatalogueDefinition ReadCatalogue(JsonObjectReader reader, List<ValidationProblem> problems) =>
        Closed(reader, new TosCatalogueDefinition
        {
            Entries = Objects(reader, "entries", problems, (r, _) => Closed(r, new TosCatalogueEntryDefinition
            {
                Item = r.String("item", required: false),
                Wording = r.String("wording", required: false),
                InForceFrom = r.String("inForceFrom", required: false),
                InForceUntil = r.String("inForceUntil", required: false),
            })),
            Mappings = Objects(reader, "mappings", problems, (r, p) => Closed(r, new OffenceMappingDefinition
            {
                Offence = r.String("offence", required: false),
                Items = Strings(r, "items", p) ?? [],
            })),
        });

    private static ClauseDefinition ReadClause(JsonObjectReader reader, List<ValidationProblem> problems) =>
        Closed(reader, new ClauseDefinition
        {
            Id = reader.String("id", required: false),
            Citation = reader.String("citation", required: false),
            Wording = reader.String("wording", required: false),
            Summary = reader.String("summary", required: false),
            When = reader.Object("when", required: false) is JsonObjectReader when ? ReadCondition(when, problems) : null,
            Effect = reader.String("effect", required: false),
            ReasonCode = reader.String("reasonCode", required: false),
            Categories = Strings(reader, "categories", problems) ?? [],
        });

    private static ConditionDefinition ReadCondition(JsonObjectReader reader, List<ValidationProblem> problems) =>
        Closed(reader, new ConditionDefinition
        {
            Always = reader.Bool("always", required: false) switch
            {
                true => "true",
                false => "false",
                null => null,
            },
            All = reader.Array("all", required: false) is { } all ? Objects(all, problems, ReadCondition) : null,
            Any = reader.Array("any", required: false) is { } any ? Objects(any, problems, ReadCondition) : null,
            Not = reader.Object("not", required: false) is JsonObjectReader not ? ReadCondition(not, problems) : null,
            Fact = reader.String("fact", required: false),
            In = Strings(reader, "in", problems),
            Jurisdictions = Strings(reader, "jurisdictions", problems),
        });

    // Every object read ends by reporting the members it does not know.
    private static T Closed<T>(JsonObjectReader reader, T value)
    {
        reader.RejectUnknownMembers();
        return value;
    }

    private static List<T> Objects<T>(JsonObjectReader reader, string name, List<ValidationProblem> problems, Func<JsonObjectReader, List<ValidationProblem>, T> read)
        where T : class =>
        reader.Array(name, required: false) is { } items ? Objects(items, problems, read) : [];

    // An element that is not an object stays in the list as a gap, so later elements keep their positions in paths.
    private static List<T> Objects<T>(List<(JsonElement Element, string Path)> items, List<ValidationProblem> problems, Func<JsonObjectReader, List<ValidationProblem>, T> read)
        where T : class =>
        [.. items.Select(item => JsonObjectReader.Open(item.Element, item.Path, problems) is JsonObjectReader r ? read(r, problems) : null!)];

    private static List<string>? Strings(JsonObjectReader reader, string name, List<ValidationProblem> problems)
    {
        if (reader.Array(name, required: false) is not { } items)
        {
            return null;
        }

        var strings = new List<string>(items.Count);
        foreach ((JsonElement element, string path) in items)
        {
            // A gap stays in the list, so later elements keep their positions in paths.
            strings.Add(JsonObjectReader.StringValue(element, path, problems)!);
        }

        return strings;
    }

    private static void WritePolicy(Utf8JsonWriter writer, PolicyDefinition policy)
    {
        writer.WriteStartObject();
        OptionalString(writer, "id", policy.Id);
        OptionalString(writer, "title", policy.Title);
        WriteObjects(writer, "versions", policy.Versions, WriteVersion);
        writer.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter writer, RuleVersionDefinition version)
    {
        OptionalString(writer, "id", version.Id);
        OptionalString(writer, "title", version.Title);
        OptionalString(writer, "effectiveFrom", version.EffectiveFrom);
        OptionalString(writer, "effectiveUntil", version.EffectiveUntil);
        OptionalString(writer, "citation", version.Citation);
        OptionalString(writer, "wording", version.Wording);
        OptionalString(writer, "cadence", version.Cadence);
        OptionalStrings(writer, "jurisdictions", version.Jurisdictions, omitEmpty: true);
        if (version.TermsOfService is TosCatalogueDefinition catalogue)
        {
            writer.WritePropertyName("termsOfService");
            WriteObject(writer, catalogue, WriteCatalogue);
        }

        WriteObjects(writer, "clauses", version.Clauses, WriteClause);
    }

    private static void WriteCatalogue(Utf8JsonWriter writer, TosCatalogueDefinition catalogue)
    {
        WriteObjects(writer, "entries", catalogue.Entries, static (w, entry) =>
        {
            OptionalString(w, "item", entry.Item);
            OptionalString(w, "wording", entry.Wording);
            OptionalString(w, "inForceFrom", entry.InForceFrom);
            OptionalString(w, "inForceUntil", entry.InForceUntil);
        });
        WriteObjects(writer, "mappings", catalogue.Mappings, static (w, mapping) =>
        {
            OptionalString(w, "offence", mapping.Offence);
            OptionalStrings(w, "items", mapping.Items, omitEmpty: false);
        });
    }

    private static void WriteClause(Utf8JsonWriter writer, ClauseDefinition clause)
    {
        OptionalString(writer, "id", clause.Id);
        OptionalString(writer, "citation", clause.Citation);
        OptionalString(writer, "wording", clause.Wording);
        OptionalString(writer, "summary", clause.Summary);
        if (clause.When is ConditionDefinition when)
        {
            writer.WritePropertyName("when");
            WriteObject(writer, when, WriteCondition);
        }

        OptionalString(writer, "effect", clause.Effect);
        OptionalString(writer, "reasonCode", clause.ReasonCode);
        OptionalStrings(writer, "categories", clause.Categories, omitEmpty: true);
    }

    private static void WriteCondition(Utf8JsonWriter writer, ConditionDefinition condition)
    {
        switch (condition.Always?.Trim().ToUpperInvariant())
        {
            case null:
                break;
            case "TRUE":
                writer.WriteBoolean("always", true);
                break;
            case "FALSE":
                writer.WriteBoolean("always", false);
                break;
            default:
                writer.WriteString("always", condition.Always);
                break;
        }

        if (condition.All is not null)
        {
            WriteObjects(writer, "all", condition.All, WriteCondition);
        }

        if (condition.Any is not null)
        {
            WriteObjects(writer, "any", condition.Any, WriteCondition);
        }

        if (condition.Not is ConditionDefinition not)
        {
            writer.WritePropertyName("not");
            WriteObject(writer, not, WriteCondition);
        }

        OptionalString(writer, "fact", condition.Fact);
        OptionalStrings(writer, "in", condition.In, omitEmpty: false);
        OptionalStrings(writer, "jurisdictions", condition.Jurisdictions, omitEmpty: false);
    }

    // A missing list is written as an empty array; an element left out of a list (null) is written as null, in its place.
    private static void WriteObjects<T>(Utf8JsonWriter writer, string name, IEnumerable<T?>? items, Action<Utf8JsonWriter, T> writeMembers)
        where T : class
    {
        writer.WriteStartArray(name);
        foreach (T? item in items ?? [])
        {
            WriteObject(writer, item, writeMembers);
        }

        writer.WriteEndArray();
    }

    private static void WriteObject<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> writeMembers)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writeMembers(writer, value);
        writer.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void OptionalStrings(Utf8JsonWriter writer, string name, List<string>? values, bool omitEmpty)
    {
        if (values is null || (omitEmpty && values.Count == 0))
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (string? value in values)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndArray();
    }
}
