using System.Buffers;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Serialization;

/// <summary>
/// Reads and writes the events of a request's life, one JSON object each, in the versioned format documented in
/// <c>docs/record-format.md</c> (schema <see cref="Schema"/>); reads decision records of schema
/// <see cref="DecisionRecordJson.Schema"/> as decided events.
/// </summary>
/// <remarks>
/// <para>Every event has <c>schema</c>, <c>event</c> (<c>Decided</c>, <c>Acknowledged</c>, <c>Disclosed</c> or
/// <c>ClosedWithoutDisclosure</c>) and <c>requestId</c>. A decided event holds the members of a decision record; the
/// others hold <c>at</c>, and a disclosure its <c>items</c> (<c>accountReference</c>, <c>category</c>), a closing its
/// <c>reason</c>. An event written and read back is equal to the original. Reading never throws on bad input: every
/// problem is reported with its path, including unknown members and a schema this reader does not know.</para>
/// </remarks>
public static class RequestEventJson
{
    /// <summary>The schema tag written in every event and accepted on reading, beside <see cref="DecisionRecordJson.Schema"/>.</summary>
    public const string Schema = "disclosure-record/2";

    private static readonly JsonWriterOptions Compact = new() { Indented = false };

    /// <summary>Writes an event as JSON on a single line, as JSON Lines stores want it.</summary>
    /// <param name="requestEvent">The event.</param>
    /// <returns>The JSON text, without a line end.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestEvent"/> is <see langword="null"/>.</exception>
    public static string Write(RequestEvent requestEvent)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            Write(writer, requestEvent);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes an event as one JSON object to a writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="requestEvent">The event.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, RequestEvent requestEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(requestEvent);
        if (requestEvent.Kind == RequestEventKind.Decided)
        {
            DecisionRecordJson.Write(writer, requestEvent.Decision!, asEvent: true);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("event", KindName(requestEvent.Kind));
        writer.WriteString("requestId", requestEvent.RequestId);
        writer.WriteString("at", InstantPattern.ExtendedIso.Format(requestEvent.At));
        if (requestEvent.Kind == RequestEventKind.Disclosed)
        {
            writer.WriteStartArray("items");
            foreach (DisclosedItem item in requestEvent.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("accountReference", item.AccountReference);
                writer.WriteString("category", item.Category.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (requestEvent.Reason is not null)
        {
            writer.WriteString("reason", requestEvent.Reason);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one event from a JSON object: an event of schema <see cref="Schema"/>, or a decision record of schema
    /// <see cref="DecisionRecordJson.Schema"/> as a decided event.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event when it could be read, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ReadResult<RequestEvent> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ValidationProblem>();
        using JsonDocument? document = JsonDocuments.TryParse(json, problems);
        RequestEvent? read = document is null ? null : ReadEvent(document.RootElement, problems);
        return new ReadResult<RequestEvent>(problems.Count == 0 ? read : null, ValidationResult.From(problems));
    }

    internal static string KindName(RequestEventKind kind) => kind.ToString();

    private static RequestEvent? ReadEvent(JsonElement root, List<ValidationProblem> problems)
    {
        // A first look at schema and event decides which reader takes the object; it reports nothing itself.
        JsonObjectReader? peek = JsonObjectReader.Open(root, string.Empty, []);
        if (peek is null)
        {
            JsonObjectReader.Open(root, string.Empty, problems);
            return null;
        }

        string? schema = peek.String("schema", required: false);
        if (string.Equals(schema, DecisionRecordJson.Schema, StringComparison.Ordinal))
        {
            DecisionRecord? record = DecisionRecordJson.ReadRecord(root, problems, asEvent: false);
            return record is null ? null : RequestEvent.Decided(record);
        }

        JsonObjectReader r = JsonObjectReader.Open(root, string.Empty, problems)!;
        schema = r.String("schema", required: true);
        if (schema is null)
        {
            return null;
        }

        if (!string.Equals(schema, Schema, StringComparison.Ordinal))
        {
            problems.Add(new ValidationProblem("schema", schema, $"unsupported record schema; this reader reads {DecisionRecordJson.Schema} and {Schema}"));
            return null;
        }

        RequestEventKind? kind = r.Enum<RequestEventKind>("event", required: true);
        if (kind == RequestEventKind.Unspecified)
        {
            problems.Add(new ValidationProblem("event", kind.ToString(), "not an event kind; accepted: Decided, Acknowledged, Disclosed, ClosedWithoutDisclosure"));
            return null;
        }

        if (kind == RequestEventKind.Decided)
        {
            DecisionRecord? record = DecisionRecordJson.ReadRecord(root, problems, asEvent: true);
            return record is null ? null : RequestEvent.Decided(record);
        }

        string? requestId = r.String("requestId", required: true);
        if (requestId is not null && string.IsNullOrWhiteSpace(requestId))
        {
            problems.Add(new ValidationProblem("requestId", requestId, "a request id is not blank"));
        }

        Instant? at = r.Instant("at", required: true);
        List<DisclosedItem>? items = null;
        string? reason = null;
        if (kind == RequestEventKind.Disclosed)
        {
            items = [];
            foreach ((JsonElement element, string path) in r.Array("items", required: true) ?? [])
            {
                JsonObjectReader? item = JsonObjectReader.Open(element, path, problems);
                if (item is null)
                {
                    continue;
                }

                string? account = item.String("accountReference", required: true);
                DataCategory? category = item.Enum<DataCategory>("category", required: true);
                item.RejectUnknownMembers();
                if (account is not null && category is not null)
                {
                    items.Add(new DisclosedItem(account, category.Value));
                }
            }
        }
        else if (kind == RequestEventKind.ClosedWithoutDisclosure)
        {
            reason = r.String("reason", required: true);
        }

        r.RejectUnknownMembers();
        if (problems.Count > 0 || kind is null || requestId is null || at is null || string.IsNullOrWhiteSpace(requestId))
        {
            return null;
        }

        return kind switch
        {
            RequestEventKind.Acknowledged => RequestEvent.Acknowledged(requestId, at.Value),
            RequestEventKind.Disclosed => RequestEvent.Disclosed(requestId, at.Value, items!),
            _ => reason is null ? null : RequestEvent.ClosedWithoutDisclosure(requestId, at.Value, reason),
        };
    }
}
