using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>
/// Reads and writes case files (<c>docs/case-format.md</c>) with the library's own JSON readers: every problem is reported
/// with its path and value, unknown and repeated members are refused, and each case's request is read by the one request
/// reader, so a request in a case file means exactly what it means in a request file.
/// </summary>
internal static class CaseSuiteJson
{
    public const string Schema = "disclosure-cases/1";

    public static ReadResult<CaseSuite> Read(string json)
    {
        var problems = new List<ValidationProblem>();
        using JsonDocument? document = JsonDocuments.TryParse(json, problems);
        if (document is null)
        {
            return new ReadResult<CaseSuite>(null, ValidationResult.From(problems));
        }

        JsonObjectReader? root = JsonObjectReader.Open(document.RootElement, string.Empty, problems);
        if (root is null)
        {
            return new ReadResult<CaseSuite>(null, ValidationResult.From(problems));
        }

        string? schema = root.String("schema", required: true);
        if (schema is not null && !string.Equals(schema, Schema, StringComparison.Ordinal))
        {
            problems.Add(new ValidationProblem("schema", schema, $"not a case file this version reads; expected \"{Schema}\""));
        }

        List<(JsonElement Element, string Path)>? items = root.Array("cases", required: true);
        root.RejectUnknownMembers();
        if (items is not null && items.Count == 0)
        {
            problems.Add(new ValidationProblem("cases", null, "the suite holds no case"));
        }

        var cases = new List<DecisionCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((JsonElement element, string path) in items ?? [])
        {
            if (ReadCase(element, path, problems) is DecisionCase read)
            {
                if (!names.Add(read.Name))
                {
                    problems.Add(new ValidationProblem($"{path}.name", read.Name, "another case has this name; each case needs its own, so a failure names one case"));
                }

                cases.Add(read);
            }
        }

        return problems.Count == 0
            ? new ReadResult<CaseSuite>(new CaseSuite(cases), ValidationResult.Valid)
            : new ReadResult<CaseSuite>(null, ValidationResult.From(problems));
    }

    // A case file is read by people and committed beside tests, never embedded in HTML: names keep their "->" and quotes.
    public static string Write(IEnumerable<DecisionCase> cases)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteStartArray("cases");
            foreach (DecisionCase c in cases)
            {
                writer.WriteStartObject();
                writer.WriteString("name", c.Name);
                if (c.VersionId is string version)
                {
                    writer.WriteString("version", version);
                }

                if (c.DecidedAt is Instant at)
                {
                    writer.WriteString("decidedAt", InstantPattern.ExtendedIso.Format(at));
                }

                writer.WritePropertyName("request");
                RequestJson.Write(writer, c.Request);
                writer.WriteStartObject("expect");
                if (c.Expected.Outcome is DecisionOutcome outcome)
                {
                    writer.WriteString("outcome", outcome.ToString());
                }

                if (c.Expected.Items.Count > 0)
                {
                    writer.WriteStartArray("items");
                    foreach (ItemResult item in c.Expected.Items)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("accountReference", item.AccountReference);
                        writer.WriteString("category", item.Category.ToString());
                        writer.WriteString("outcome", item.Outcome.ToString());
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (c.Expected.ReasonCodes.Count > 0)
                {
                    writer.WriteStartArray("reasonCodes");
                    foreach (string code in c.Expected.ReasonCodes)
                    {
                        writer.WriteStringValue(code);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static DecisionCase? ReadCase(JsonElement element, string path, List<ValidationProblem> problems)
    {
        JsonObjectReader? r = JsonObjectReader.Open(element, path, problems);
        if (r is null)
        {
            return null;
        }

        string? name = r.String("name", required: true);
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new ValidationProblem($"{path}.name", name, "a case needs a name that is not blank"));
            name = null;
        }

        string? version = r.String("version", required: false);
        Instant? decidedAt = r.Instant("decidedAt", required: false);
        LegalRequest? request = null;
        if (r.Element("request", required: true) is JsonElement requestElement)
        {
            ReadResult<LegalRequest> read = RequestJson.ReadOne(requestElement, $"{path}.request", null);
            problems.AddRange(read.Problems.Problems);
            request = read.Value;
        }

        ExpectedDecision? expected = ReadExpectation(r.Object("expect", required: true), problems);
        r.RejectUnknownMembers();
        return name is null || request is null || expected is null ? null : new DecisionCase(name, request, version, decidedAt, expected);
    }

    private static ExpectedDecision? ReadExpectation(JsonObjectReader? r, List<ValidationProblem> problems)
    {
        if (r is null)
        {
            return null;
        }

        int before = problems.Count;
        DecisionOutcome? outcome = r.Enum<DecisionOutcome>("outcome", required: true);
        var items = new List<ItemResult>();
        foreach ((JsonElement element, string path) in r.Array("items", required: false) ?? [])
        {
            JsonObjectReader? item = JsonObjectReader.Open(element, path, problems);
            if (item is null)
            {
                continue;
            }

            string? account = item.String("accountReference", required: true);
            DataCategory? category = item.Enum<DataCategory>("category", required: true);
            ItemOutcome? itemOutcome = item.Enum<ItemOutcome>("outcome", required: true);
            item.RejectUnknownMembers();
            if (account is not null && category is not null && itemOutcome is not null)
            {
                items.Add(new ItemResult(account, category.Value, itemOutcome.Value));
            }
        }

        var codes = new List<string>();
        foreach ((JsonElement element, string path) in r.Array("reasonCodes", required: false) ?? [])
        {
            string? code = JsonObjectReader.StringValue(element, path, problems);
            if (code is not null && string.IsNullOrWhiteSpace(code))
            {
                problems.Add(new ValidationProblem(path, code, "a reason code must not be blank"));
            }
            else if (code is not null)
            {
                codes.Add(code);
            }
        }

        r.RejectUnknownMembers();
        return problems.Count > before ? null : new ExpectedDecision(outcome, items, codes);
    }
}
