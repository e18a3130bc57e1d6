using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>Keeps docs/request.schema.json, docs/request-format.md and the sample requests in step with the reader and the enums.</summary>
public class RequestFormatTests
{
    private static readonly Type[] RequestEnums =
    [
        typeof(InstrumentKind), typeof(IssuingAuthorityKind), typeof(ProceedingKind), typeof(RecipientKind), typeof(RequestChannel),
        typeof(OriginVerification), typeof(SubjectStatus), typeof(OffenceCategory), typeof(DataCategory), typeof(LegalAnalysisOutcome),
    ];

    public static TheoryData<string> SampleFiles => new(Directory.GetFiles(CliRun.Samples, "*.json").Select(Path.GetFileName).Order()!);

    public static TheoryData<string> RequestEnumNames => new(RequestEnums.Select(t => t.Name));

    private static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "docs", "request.schema.json");

    private static string FormatPath => Path.Combine(AppContext.BaseDirectory, "docs", "request-format.md");

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleFile_ReadsAsOneValidRequest(string file)
    {
        IReadOnlyList<ReadResult<LegalRequest>> results = RequestJson.ReadMany(File.ReadAllText(CliRun.Sample(file)));

        ReadResult<LegalRequest> only = Assert.Single(results);
        Assert.True(only.IsValid, only.Problems.ToString());
    }

    [Fact]
    public void SampleFiles_AreTheEightDocumentedCases()
    {
        Assert.Equal(8, SampleFiles.Count);
    }

    [Theory]
    [MemberData(nameof(RequestEnumNames))]
    public void Schema_EnumList_EqualsTheEnumsNamesWithoutUnspecified(string enumName)
    {
        Type type = RequestEnums.Single(t => t.Name == enumName);
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        JsonElement values = schema.RootElement.GetProperty("$defs").GetProperty(enumName).GetProperty("enum");

        Assert.Equal(Enum.GetNames(type).Skip(1), values.EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Unspecified", Enum.GetName(type, 0));
    }

    [Fact]
    public void Schema_EveryEnumDefinition_IsARequestEnum()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        string[] enumDefinitions = [.. schema.RootElement.GetProperty("$defs").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("enum", out _)).Select(d => d.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(RequestEnums.Select(t => t.Name).Order(StringComparer.Ordinal), enumDefinitions);
    }

    [Theory]
    [InlineData("LegalRequest", "")]
    [InlineData("IssuingAuthority", "authority.")]
    [InlineData("Provenance", "provenance.")]
    [InlineData("Subject", "subjects[0].")]
    [InlineData("LegalAnalysis", "legalAnalysis.")]
    public void Schema_RequiredMembers_AreExactlyTheOnesTheReaderRequires(string definition, string prefix)
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        JsonElement def = schema.RootElement.GetProperty("$defs").GetProperty(definition);
        string[] required = [.. def.GetProperty("required").EnumerateArray().Select(e => e.GetString()!)];
        string[] members = [.. def.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        Assert.False(def.GetProperty("additionalProperties").GetBoolean());

        foreach (string member in members)
        {
            JsonObject request = FullRequest();
            Container(request, prefix).Remove(member);

            ReadResult<LegalRequest> result = RequestJson.Read(request.ToJsonString());

            string path = prefix + member;
            if (required.Contains(member))
            {
                Assert.Contains(result.Problems.Problems, p => p.Path == path && p.Message == "required field is missing");
            }
            else
            {
                Assert.True(result.IsValid, $"{path} is optional in the schema, but without it: {result.Problems}");
            }
        }
    }

    [Fact]
    public void Schema_UnknownMember_IsRejectedByTheReaderToo()
    {
        JsonObject request = FullRequest();
        request["jurisdicton"] = "FR";

        ReadResult<LegalRequest> result = RequestJson.Read(request.ToJsonString());

        Assert.Contains(result.Problems.Problems, p => p.Path == "jurisdicton" && p.Message.StartsWith("unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void FormatDocument_NamesEveryMemberAndEveryAcceptedValue()
    {
        string doc = File.ReadAllText(FormatPath);
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        foreach (JsonProperty def in schema.RootElement.GetProperty("$defs").EnumerateObject())
        {
            if (def.Value.TryGetProperty("properties", out JsonElement properties))
            {
                foreach (JsonProperty member in properties.EnumerateObject())
                {
                    Assert.Contains($"| `{member.Name}` |", doc, StringComparison.Ordinal);
                }
            }

            if (def.Value.TryGetProperty("enum", out JsonElement values))
            {
                Assert.Contains($"### {def.Name}", doc, StringComparison.Ordinal);
                foreach (JsonElement value in values.EnumerateArray())
                {
                    Assert.Contains($"`{value.GetString()}`", doc, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void FormatDocument_Example_ReadsAsAValidRequest()
    {
        string doc = File.ReadAllText(FormatPath);
        int start = doc.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        int end = doc.IndexOf("```", start, StringComparison.Ordinal);

        ReadResult<LegalRequest> result = RequestJson.Read(doc[start..end]);

        Assert.True(result.IsValid, result.Problems.ToString());
    }

    /// <summary>A valid request that sets every member, optional ones included.</summary>
    private static JsonObject FullRequest()
    {
        var request = JsonNode.Parse(File.ReadAllText(CliRun.Sample("01-fr-investigating-judge-drugs.json")))!.AsObject();
        request["preservationOnly"] = false;
        request["emergencyClaim"] = false;
        return request;
    }

    private static JsonObject Container(JsonObject request, string prefix) => prefix switch
    {
        "" => request,
        "subjects[0]." => request["subjects"]![0]!.AsObject(),
        _ => request[prefix.TrimEnd('.')]!.AsObject(),
    };
}
