using DisclosurePolicy.Internal;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Serialization;

/// <summary>
/// Reads and writes legal requests in the documented JSON format (<c>docs/request-format.md</c>): camelCase members,
/// enum members by name, dates as <c>yyyy-MM-dd</c>.
/// </summary>
/// <remarks>
/// <para>Reading never throws on bad input: every problem (malformed JSON with its line and position, missing fields,
/// wrong types, unknown enum values with the accepted ones, impossible dates, unknown fields) is reported with its path.
/// In an array, each request is read on its own, so the good ones survive the bad ones.</para>
/// </remarks>
public static class RequestJson
{
    /// <summary>Reads one request from a JSON object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The request, if its shape could be read, and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ReadResult<LegalRequest> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ValidationProblem>();
        using JsonDocument? document = JsonDocuments.TryParse(json, problems);
        if (document is null)
        {
            return new ReadResult<LegalRequest>(null, ValidationResult.From(problems));
        }

        return ReadOne(document.RootElement, string.Empty, null);
    }

    /// <summary>Reads requests from a JSON array of objects, or a single object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>One result per request, in document order; a single result without a request when the text is not
    /// well-formed JSON or is neither an object nor an array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ReadResult<LegalRequest>> ReadMany(string json) => [.. ReadEach(json)];

    /// <summary>Reads requests from a JSON array of objects, or a single object, one at a time as they are enumerated, so
    /// a host can decide and drop each before the next is read.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>One result per request, in document order; a single result without a request when the text is not
    /// well-formed JSON or is neither an object nor an array. The whole text is checked to be well-formed before the first
    /// request is returned, so a malformed document yields no request at all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static IEnumerable<ReadResult<LegalRequest>> ReadEach(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Each(json);
    }

    private static IEnumerable<ReadResult<LegalRequest>> Each(string json)
    {
        var problems = new List<ValidationProblem>();
        using JsonDocument? document = JsonDocuments.TryParse(json, problems);
        if (document is null)
        {
            yield return new ReadResult<LegalRequest>(null, ValidationResult.From(problems));
            yield break;
        }

        JsonElement root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                yield return ReadOne(root, string.Empty, null);
                break;
            case JsonValueKind.Array when root.GetArrayLength() == 0:
                problems.Add(new ValidationProblem("$", null, "the array holds no request"));
                yield return new ReadResult<LegalRequest>(null, ValidationResult.From(problems));
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement element in root.EnumerateArray())
                {
                    yield return ReadOne(element, string.Create(CultureInfo.InvariantCulture, $"[{i}]"), i);
                    i++;
                }

                break;
            default:
                problems.Add(new ValidationProblem("$", JsonObjectReader.Raw(root), $"expected a request object or an array of them, found {JsonObjectReader.Kind(root)}"));
                yield return new ReadResult<LegalRequest>(null, ValidationResult.From(problems));
                break;
        }
    }

    /// <summary>Writes a request as indented JSON in the documented format.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public static string Write(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, request);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a request as one JSON object to a writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        writer.WriteStartObject();
        writer.WriteString("id", request.Id);
        writer.WriteString("receivedOn", IsoDates.Format(request.ReceivedOn));
        if (request.IssuedOn is LocalDate issued)
        {
            writer.WriteString("issuedOn", IsoDates.Format(issued));
        }

        writer.WriteString("instrument", request.Instrument.ToString());
        writer.WriteStartObject("authority");
        writer.WriteString("kind", request.Authority?.Kind.ToString());
        if (request.Authority?.Name is string name)
        {
            writer.WriteString("name", name);
        }

        writer.WriteEndObject();
        writer.WriteString("jurisdiction", request.Jurisdiction.Code);
        writer.WriteString("proceeding", request.Proceeding.ToString());
        writer.WriteBoolean("orderIsValid", request.OrderIsValid);
        writer.WriteBoolean("issuerIsRelevant", request.IssuerIsRelevant);
        writer.WriteString("recipient", request.Recipient.ToString());
        writer.WriteStartObject("provenance");
        writer.WriteString("channel", request.Provenance?.Channel.ToString());
        writer.WriteString("verification", request.Provenance?.Verification.ToString());
        writer.WriteEndObject();
        writer.WriteBoolean("preservationOnly", request.PreservationOnly);
        writer.WriteBoolean("emergencyClaim", request.EmergencyClaim);
        writer.WriteStartArray("subjects");
        foreach (Subject? subject in request.Subjects)
        {
            if (subject is null)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("accountReference", subject.AccountReference);
            writer.WriteString("status", subject.Status.ToString());
            writer.WriteStartArray("offences");
            foreach (OffenceCategory offence in subject.Offences)
            {
                writer.WriteStringValue(offence.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("requestedData");
        foreach (DataCategory category in request.RequestedData)
        {
            writer.WriteStringValue(category.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStartObject("legalAnalysis");
        writer.WriteString("outcome", request.LegalAnalysis?.Outcome.ToString());
        if (request.LegalAnalysis?.Grounds is string grounds)
        {
            writer.WriteString("grounds", grounds);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// What in a request the documented format cannot hold (a missing part or string, an enum value with no name, a date
    /// outside the years 1 to 9999): the request is written and read back by this reader, so the answer is the format's own,
    /// not a second description of it. A request that does not validate can still be held (and recorded with its
    /// fail-closed decision).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="path">Where the request sits, prefixed to each problem's path.</param>
    internal static List<ValidationProblem> FormatProblems(LegalRequest request, string path)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, request);
        }

        var problems = new List<ValidationProblem>();
        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        ReadRequest(document.RootElement, path, problems);
        return problems;
    }

    /// <summary>Reads one request object at a path, collecting shape problems and then the request's own validation problems.</summary>
    internal static ReadResult<LegalRequest> ReadOne(JsonElement element, string path, int? index)
    {
        var problems = new List<ValidationProblem>();
        LegalRequest? draft = ReadRequest(element, path, problems);
        bool shapeIsComplete = problems.Count == 0 && draft is not null;
        if (draft is not null)
        {
            // The draft holds every fact that could be read (unreadable ones left unset), so its own validation also
            // reports problems of readable fields, such as an unknown country code beside a misspelt enum value.
            // Shape problems already name the fields they concern; add only validation problems on other fields.
            foreach (ValidationProblem problem in draft.Validate().Problems)
            {
                string full = path.Length == 0 ? problem.Path : $"{path}.{problem.Path}";
                if (!problems.Exists(p => p.Path.StartsWith(full, StringComparison.Ordinal)))
                {
                    problems.Add(new ValidationProblem(full, problem.Value, problem.Message));
                }
            }
        }

        return new ReadResult<LegalRequest>(shapeIsComplete ? draft : null, ValidationResult.From(problems), index);
    }

    private static LegalRequest? ReadRequest(JsonElement element, string path, List<ValidationProblem> problems)
    {
        JsonObjectReader? r = JsonObjectReader.Open(element, path, problems);
        if (r is null)
        {
            return null;
        }

        string? id = r.String("id", required: true);
        LocalDate? received = r.Date("receivedOn", required: true);
        LocalDate? issued = r.Date("issuedOn", required: false);
        InstrumentKind? instrument = r.Enum<InstrumentKind>("instrument", required: true);
        IssuingAuthority? authority = ReadAuthority(r.Object("authority", required: true));
        string? jurisdiction = r.String("jurisdiction", required: true);
        ProceedingKind? proceeding = r.Enum<ProceedingKind>("proceeding", required: true);
        bool? valid = r.Bool("orderIsValid", required: true);
        bool? relevant = r.Bool("issuerIsRelevant", required: true);
        RecipientKind? recipient = r.Enum<RecipientKind>("recipient", required: true);
        Provenance? provenance = ReadProvenance(r.Object("provenance", required: true));
        bool? preservation = r.Bool("preservationOnly", required: false);
        bool? emergency = r.Bool("emergencyClaim", required: false);
        List<Subject>? subjects = ReadSubjects(r.Array("subjects", required: true), problems);
        List<DataCategory>? data = ReadCategories(r.Array("requestedData", required: true), problems);
        JsonObjectReader? analysisReader = r.Object("legalAnalysis", required: false);
        LegalAnalysis? analysis = analysisReader is null ? LegalAnalysis.NotPerformed : ReadAnalysis(analysisReader);
        r.RejectUnknownMembers();

        // A draft with every fact that could be read; a fact that could not is left unset, and a problem already names it.
        // The caller keeps the draft only when no problem was found.
        return new LegalRequest
        {
            Id = id ?? string.Empty,
            ReceivedOn = received ?? default,
            IssuedOn = issued,
            Instrument = instrument ?? default,
            Authority = authority!,
            Jurisdiction = jurisdiction is null ? default : new Jurisdiction(jurisdiction),
            Proceeding = proceeding ?? default,
            OrderIsValid = valid ?? false,
            IssuerIsRelevant = relevant ?? false,
            Recipient = recipient ?? default,
            Provenance = provenance!,
            PreservationOnly = preservation ?? false,
            EmergencyClaim = emergency ?? false,
            Subjects = subjects ?? [],
            RequestedData = data ?? [],
            LegalAnalysis = analysis ?? LegalAnalysis.NotPerformed,
        };
    }

    private static IssuingAuthority? ReadAuthority(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        IssuingAuthorityKind? kind = r.Enum<IssuingAuthorityKind>("kind", required: true);
        string? name = r.String("name", required: false);
        r.RejectUnknownMembers();
        return kind is null ? null : new IssuingAuthority(kind.Value, name);
    }

    private static Provenance? ReadProvenance(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        RequestChannel? channel = r.Enum<RequestChannel>("channel", required: true);
        OriginVerification? verification = r.Enum<OriginVerification>("verification", required: true);
        r.RejectUnknownMembers();
        return channel is null || verification is null ? null : new Provenance(channel.Value, verification.Value);
    }

    private static LegalAnalysis? ReadAnalysis(JsonObjectReader r)
    {
        LegalAnalysisOutcome? outcome = r.Enum<LegalAnalysisOutcome>("outcome", required: true);
        string? grounds = r.String("grounds", required: false);
        r.RejectUnknownMembers();
        return outcome is null ? null : new LegalAnalysis(outcome.Value, grounds);
    }

    private static List<Subject>? ReadSubjects(List<(JsonElement Element, string Path)>? items, List<ValidationProblem> problems)
    {
        if (items is null)
        {
            return null;
        }

        var subjects = new List<Subject>();
        bool complete = true;
        foreach ((JsonElement element, string path) in items)
        {
            JsonObjectReader? r = JsonObjectReader.Open(element, path, problems);
            if (r is null)
            {
                complete = false;
                continue;
            }

            string? account = r.String("accountReference", required: true);
            SubjectStatus? status = r.Enum<SubjectStatus>("status", required: true);
            List<(JsonElement Element, string Path)>? offenceItems = r.Array("offences", required: false);
            var offences = new List<OffenceCategory>();
            foreach ((JsonElement offence, string offencePath) in offenceItems ?? [])
            {
                OffenceCategory? value = JsonObjectReader.EnumValue<OffenceCategory>(offence, offencePath, problems);
                if (value is null)
                {
                    complete = false;
                }
                else
                {
                    offences.Add(value.Value);
                }
            }

            r.RejectUnknownMembers();
            if (account is null || status is null)
            {
                complete = false;
                continue;
            }

            subjects.Add(new Subject(account, status.Value, offences));
        }

        return complete ? subjects : null;
    }

    private static List<DataCategory>? ReadCategories(List<(JsonElement Element, string Path)>? items, List<ValidationProblem> problems)
    {
        if (items is null)
        {
            return null;
        }

        var categories = new List<DataCategory>();
        bool complete = true;
        foreach ((JsonElement element, string path) in items)
        {
            DataCategory? value = JsonObjectReader.EnumValue<DataCategory>(element, path, problems);
            if (value is null)
            {
                complete = false;
            }
            else
            {
                categories.Add(value.Value);
            }
        }

        return complete ? categories : null;
    }
}
