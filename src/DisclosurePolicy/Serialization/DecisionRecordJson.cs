using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Serialization;

/// <summary>
/// Reads and writes decision records in the versioned JSON format documented in <c>docs/record-format.md</c>
/// (schema <see cref="Schema"/>): camelCase members, enum members by name, instants as ISO 8601 UTC
/// (<c>2025-02-12T09:30:00Z</c>), dates as <c>yyyy-MM-dd</c>, and the request in the documented request format.
/// </summary>
/// <remarks>
/// <para>The format is written with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>, by hand and
/// without reflection, so the library stays trimming- and AOT-safe; NodaTime values go through NodaTime's own text
/// patterns (<see cref="InstantPattern.ExtendedIso"/>, <see cref="LocalDatePattern.Iso"/>) rather than a converter package.</para>
/// <para>A record written and read back is equal to the original (<see cref="DecisionRecord.Equals(DecisionRecord)"/>).
/// Reading never throws on bad input: every problem is reported with its path, including unknown members and a schema
/// this reader does not know.</para>
/// </remarks>
public static class DecisionRecordJson
{
    /// <summary>The schema tag written in every record and required on reading.</summary>
    public const string Schema = "disclosure-record/1";

    private static readonly JsonWriterOptions Compact = new() { Indented = false };
    private static readonly JsonWriterOptions Pretty = new() { Indented = true };

    /// <summary>Writes a record as JSON on a single line, as JSON Lines stores want it.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text, without a line end.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string Write(DecisionRecord record) => Write(record, indented: false);

    /// <summary>Writes a record as JSON.</summary>
    /// <param name="record">The record.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string Write(DecisionRecord record, bool indented)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Pretty : Compact))
        {
            Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a record as one JSON object to a writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        Write(writer, record, asEvent: false);
    }

    // As an event of a request's life (schema disclosure-record/2), the record's members follow "event": "decided".
    internal static void Write(Utf8JsonWriter writer, DecisionRecord record, bool asEvent)
    {
        Decision d = record.Decision;
        writer.WriteStartObject();
        writer.WriteString("schema", asEvent ? RequestEventJson.Schema : Schema);
        if (asEvent)
        {
            writer.WriteString("event", RequestEventJson.KindName(RequestEventKind.Decided));
        }

        writer.WriteString("requestId", record.RequestId);
        writer.WriteString("receivedAt", InstantPattern.ExtendedIso.Format(record.ReceivedAt));
        writer.WriteString("decidedAt", InstantPattern.ExtendedIso.Format(d.DecidedAt));
        writer.WriteString("jurisdiction", d.Jurisdiction);
        if (d.ReceivedOn is LocalDate receivedOn)
        {
            writer.WriteString("receivedOn", IsoDates.Format(receivedOn));
        }

        if (d.VersionId is not null)
        {
            writer.WriteStartObject("version");
            writer.WriteString("id", d.VersionId);
            writer.WriteString("citation", d.VersionCitation);
            writer.WriteString("contentHash", record.VersionContentHash);
            writer.WriteString("cadence", record.VersionCadence.ToString());
            writer.WriteEndObject();
        }

        writer.WriteString("outcome", d.Outcome.ToString());
        writer.WriteStartArray("results");
        foreach (ItemResult result in d.Results)
        {
            writer.WriteStartObject();
            writer.WriteString("accountReference", result.AccountReference);
            writer.WriteString("category", result.Category.ToString());
            writer.WriteString("outcome", result.Outcome.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reasons");
        foreach (Reason reason in d.Reasons)
        {
            WriteReason(writer, reason);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("obligations");
        foreach (Obligation obligation in d.Obligations)
        {
            WriteObligation(writer, obligation);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("request");
        RequestJson.Write(writer, record.Request);
        writer.WriteEndObject();
    }

    /// <summary>Reads one record from a JSON object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The record when it could be read, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ReadResult<DecisionRecord> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ValidationProblem>();
        using JsonDocument? document = JsonDocuments.TryParse(json, problems);
        DecisionRecord? record = document is null ? null : ReadRecord(document.RootElement, problems, asEvent: false);
        return new ReadResult<DecisionRecord>(problems.Count == 0 ? record : null, ValidationResult.From(problems));
    }

    private static void WriteReason(Utf8JsonWriter writer, Reason reason)
    {
        writer.WriteStartObject();
        writer.WriteString("code", reason.Code);
        writer.WriteString("effect", reason.Effect.ToString());
        WriteOptional(writer, "clauseId", reason.ClauseId);
        WriteOptional(writer, "citation", reason.Citation);
        WriteOptional(writer, "wording", reason.Wording);
        writer.WriteString("message", reason.Message);
        writer.WriteStartArray("facts");
        foreach (FactValue fact in reason.Facts)
        {
            writer.WriteStartObject();
            writer.WriteString("name", fact.Name);
            writer.WriteString("value", fact.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteOptional(writer, "accountReference", reason.AccountReference);
        if (reason.Category is DataCategory category)
        {
            writer.WriteString("category", category.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteObligation(Utf8JsonWriter writer, Obligation obligation)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", obligation.Kind.ToString());
        writer.WriteString("description", obligation.Description);
        writer.WriteString("citation", obligation.Citation);
        if (obligation.ReportEntry is TransparencyReportEntry entry)
        {
            writer.WriteStartObject("reportEntry");
            writer.WriteString("country", entry.Country);
            writer.WriteString("cadence", entry.Cadence.ToString());
            if (entry.Period is ReportingPeriod period)
            {
                writer.WriteStartObject("period");
                writer.WriteString("start", IsoDates.Format(period.Start));
                writer.WriteString("end", IsoDates.Format(period.End));
                writer.WriteEndObject();
            }

            writer.WriteNumber("fulfilledRequests", entry.FulfilledRequests);
            writer.WriteNumber("affectedUsers", entry.AffectedUsers);
            writer.WriteString("citation", entry.Citation);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    // asEvent: a decided event of schema disclosure-record/2, whose "schema" and "event" members the caller has checked.
    internal static DecisionRecord? ReadRecord(JsonElement root, List<ValidationProblem> problems, bool asEvent)
    {
        JsonObjectReader? r = JsonObjectReader.Open(root, string.Empty, problems);
        if (r is null)
        {
            return null;
        }

        string? schema = r.String("schema", required: true);
        if (asEvent)
        {
            r.String("event", required: true);
        }
        else if (schema is not null && !string.Equals(schema, Schema, StringComparison.Ordinal))
        {
            problems.Add(new ValidationProblem("schema", schema, $"unsupported record schema; this reader reads {Schema}"));
            return null;
        }

        string? requestId = r.String("requestId", required: true);
        Instant? receivedAt = r.Instant("receivedAt", required: true);
        Instant? decidedAt = r.Instant("decidedAt", required: true);
        string? jurisdiction = r.String("jurisdiction", required: true);
        LocalDate? receivedOn = r.Date("receivedOn", required: false);
        (string Id, string Citation, string Hash, ReportingCadence Cadence)? version = ReadVersion(r.Object("version", required: false), problems);
        DecisionOutcome? outcome = r.Enum<DecisionOutcome>("outcome", required: true);
        List<ItemResult>? results = ReadList(r.Array("results", required: true), problems, ReadItemResult);
        List<Reason>? reasons = ReadList(r.Array("reasons", required: true), problems, ReadReason);
        List<Obligation>? obligations = ReadList(r.Array("obligations", required: true), problems, ReadObligation);
        JsonElement? requestElement = r.Element("request", required: true);
        LegalRequest? request = null;
        if (requestElement is JsonElement element)
        {
            // An invalid request is a legitimate record (its decision is a deny); only its shape must be readable.
            ReadResult<LegalRequest> read = RequestJson.ReadOne(element, "request", null);
            request = read.Value;
            if (request is null)
            {
                problems.AddRange(read.Problems.Problems);
            }
        }

        r.RejectUnknownMembers();
        if (reasons is { Count: 0 })
        {
            problems.Add(new ValidationProblem("reasons", null, "a decision has at least one reason"));
        }

        if (request is not null && requestId is not null && !string.Equals(request.Id, requestId, StringComparison.Ordinal))
        {
            problems.Add(new ValidationProblem("requestId", requestId, $"does not match request.id '{request.Id}'"));
        }

        if (request is not null && jurisdiction is not null && !string.Equals(request.Jurisdiction.Code, jurisdiction, StringComparison.Ordinal))
        {
            problems.Add(new ValidationProblem("jurisdiction", jurisdiction, $"does not match request.jurisdiction '{request.Jurisdiction.Code}'"));
        }

        if (problems.Count > 0 || requestId is null || receivedAt is null || decidedAt is null || jurisdiction is null
            || outcome is null || results is null || reasons is null || obligations is null || request is null)
        {
            return null;
        }

        CheckConsistency(request, receivedAt.Value, decidedAt.Value, jurisdiction, outcome.Value, results, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        var decision = new Decision(
            requestId,
            jurisdiction,
            receivedOn,
            decidedAt.Value,
            outcome.Value,
            version?.Id,
            version?.Citation,
            results,
            reasons,
            obligations);
        return DecisionRecord.FromParts(request, receivedAt.Value, decision, version?.Hash, version?.Cadence ?? ReportingCadence.None);
    }

    // A hand-edited or corrupted record can be well-formed and still say what no decision of the engine says; such a
    // record is reported, never counted in a report.
    private static void CheckConsistency(
        LegalRequest request, Instant receivedAt, Instant decidedAt, string jurisdiction, DecisionOutcome outcome, List<ItemResult> results, List<ValidationProblem> problems)
    {
        if (decidedAt < receivedAt)
        {
            problems.Add(new ValidationProblem("decidedAt", InstantPattern.ExtendedIso.Format(decidedAt), $"the decision precedes the receipt of the request ({InstantPattern.ExtendedIso.Format(receivedAt)})"));
        }

        var tally = default(OutcomeTally);
        var accounts = new HashSet<string>(request.Subjects.Where(s => s is not null).Select(s => s.AccountReference), StringComparer.Ordinal);
        for (int i = 0; i < results.Count; i++)
        {
            tally.Add(results[i].Outcome);
            if (!accounts.Contains(results[i].AccountReference))
            {
                problems.Add(new ValidationProblem($"results[{i}].accountReference", results[i].AccountReference, "the request names no such account"));
            }
            else if (!request.RequestedData.Contains(results[i].Category))
            {
                problems.Add(new ValidationProblem($"results[{i}].category", results[i].Category.ToString(), "the request does not ask for this category"));
            }
        }

        if (tally.Combine() != outcome)
        {
            problems.Add(new ValidationProblem("outcome", outcome.ToString(), $"the item results combine to {tally.Combine()}"));
        }

        if (tally.Permitted > 0 && !CountryCodes.IsAssigned(jurisdiction))
        {
            problems.Add(new ValidationProblem("jurisdiction", jurisdiction, "an item is permitted, but the jurisdiction is not an ISO 3166-1 alpha-2 code"));
        }
    }

    private static (string Id, string Citation, string Hash, ReportingCadence Cadence)? ReadVersion(JsonObjectReader? r, List<ValidationProblem> problems)
    {
        if (r is null)
        {
            return null;
        }

        string? id = r.String("id", required: true);
        string? citation = r.String("citation", required: true);
        string? hash = r.String("contentHash", required: true);
        ReportingCadence? cadence = ReadCadence(r, "cadence", problems);
        r.RejectUnknownMembers();
        if (hash is not null && !IsHash(hash))
        {
            problems.Add(new ValidationProblem($"{r.Path}.contentHash", hash, $"expected {RuleVersionHash.Prefix} followed by 64 lower-case hex digits"));
            return null;
        }

        return id is null || citation is null || hash is null || cadence is null ? null : (id, citation, hash, cadence.Value);
    }

    private static ItemResult? ReadItemResult(JsonObjectReader r, List<ValidationProblem> problems)
    {
        string? account = r.String("accountReference", required: true);
        DataCategory? category = r.Enum<DataCategory>("category", required: true);
        ItemOutcome? outcome = r.Enum<ItemOutcome>("outcome", required: true);
        r.RejectUnknownMembers();
        return account is null || category is null || outcome is null ? null : new ItemResult(account, category.Value, outcome.Value);
    }

    private static Reason? ReadReason(JsonObjectReader r, List<ValidationProblem> problems)
    {
        string? code = r.String("code", required: true);
        ClauseEffectKind? effect = r.Enum<ClauseEffectKind>("effect", required: true);
        string? clauseId = r.String("clauseId", required: false);
        string? citation = r.String("citation", required: false);
        string? wording = r.String("wording", required: false);
        string? message = r.String("message", required: true);
        List<FactValue>? facts = ReadList(r.Array("facts", required: true), problems, ReadFact);
        string? account = r.String("accountReference", required: false);
        DataCategory? category = r.Enum<DataCategory>("category", required: false);
        r.RejectUnknownMembers();
        return code is null || effect is null || message is null || facts is null
            ? null
            : new Reason(code, effect.Value, clauseId, citation, wording, message, facts, account, category);
    }

    private static FactValue? ReadFact(JsonObjectReader r, List<ValidationProblem> problems)
    {
        string? name = r.String("name", required: true);
        string? value = r.String("value", required: true);
        r.RejectUnknownMembers();
        return name is null || value is null ? null : new FactValue(name, value);
    }

    private static Obligation? ReadObligation(JsonObjectReader r, List<ValidationProblem> problems)
    {
        ObligationKind? kind = r.Enum<ObligationKind>("kind", required: true);
        string? description = r.String("description", required: true);
        string? citation = r.String("citation", required: true);
        JsonObjectReader? entryReader = r.Object("reportEntry", required: false);
        TransparencyReportEntry? entry = entryReader is null ? null : ReadEntry(entryReader, problems);
        r.RejectUnknownMembers();
        if (kind is null || description is null || citation is null || (entryReader is not null && entry is null))
        {
            return null;
        }

        return new Obligation(kind.Value, description, citation, entry);
    }

    private static TransparencyReportEntry? ReadEntry(JsonObjectReader r, List<ValidationProblem> problems)
    {
        int before = problems.Count;
        string? country = r.String("country", required: true);
        ReportingCadence? cadence = ReadCadence(r, "cadence", problems);
        JsonObjectReader? periodReader = r.Object("period", required: false);
        LocalDate? start = periodReader?.Date("start", required: true);
        LocalDate? end = periodReader?.Date("end", required: true);
        periodReader?.RejectUnknownMembers();
        int? fulfilled = r.Int("fulfilledRequests", required: true);
        int? affected = r.Int("affectedUsers", required: true);
        string? citation = r.String("citation", required: true);
        r.RejectUnknownMembers();
        if (fulfilled is int f && f != 1)
        {
            problems.Add(new ValidationProblem($"{r.Path}.fulfilledRequests", f.ToString(CultureInfo.InvariantCulture), "a report entry adds exactly one fulfilled request"));
        }

        if (affected is < 0)
        {
            problems.Add(new ValidationProblem($"{r.Path}.affectedUsers", affected.Value.ToString(CultureInfo.InvariantCulture), "cannot be negative"));
        }

        ReportingPeriod? period = null;
        if (cadence is ReportingCadence c && start is LocalDate s && end is LocalDate e)
        {
            period = c == ReportingCadence.None ? null : ReportingPeriod.Containing(s, c);
            if (period is null || period.Start != s || period.End != e)
            {
                problems.Add(new ValidationProblem($"{r.Path}.period", $"{IsoDates.Format(s)}..{IsoDates.Format(e)}", $"not a {c} reporting period"));
            }
        }
        else if (cadence is ReportingCadence c2 && c2 != ReportingCadence.None && periodReader is null)
        {
            problems.Add(new ValidationProblem($"{r.Path}.period", null, $"required for a {c2} entry"));
        }

        return problems.Count > before || country is null || cadence is null || affected is null || citation is null
            ? null
            : new TransparencyReportEntry(country, cadence.Value, period, affected.Value, citation);
    }

    // ReportingCadence reserves no Unspecified member: None is a valid value here, so it is read by name directly.
    private static ReportingCadence? ReadCadence(JsonObjectReader r, string name, List<ValidationProblem> problems)
    {
        string? text = r.String(name, required: true);
        if (text is null)
        {
            return null;
        }

        if (EnumValues.TryParse(text, out ReportingCadence cadence, allowZero: true))
        {
            return cadence;
        }

        problems.Add(new ValidationProblem($"{r.Path}.{name}", text, $"not a known ReportingCadence; accepted: {EnumValues.Accepted<ReportingCadence>(allowZero: true)}"));
        return null;
    }

    private static List<T>? ReadList<T>(List<(JsonElement Element, string Path)>? items, List<ValidationProblem> problems, Func<JsonObjectReader, List<ValidationProblem>, T?> read)
        where T : class
    {
        if (items is null)
        {
            return null;
        }

        var list = new List<T>();
        bool complete = true;
        foreach ((JsonElement element, string path) in items)
        {
            JsonObjectReader? r = JsonObjectReader.Open(element, path, problems);
            T? item = r is null ? null : read(r, problems);
            if (item is null)
            {
                complete = false;
            }
            else
            {
                list.Add(item);
            }
        }

        return complete ? list : null;
    }

    private static bool IsHash(string text)
    {
        if (!text.StartsWith(RuleVersionHash.Prefix, StringComparison.Ordinal) || text.Length != RuleVersionHash.Prefix.Length + 64)
        {
            return false;
        }

        foreach (char ch in text.AsSpan(RuleVersionHash.Prefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(ch) && !char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
