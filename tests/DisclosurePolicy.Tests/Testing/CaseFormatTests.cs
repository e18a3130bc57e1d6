using System.Text.Json;
using System.Text.RegularExpressions;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Packaging;
using Xunit;

namespace DisclosurePolicy.Tests.Testing;

/// <summary>Keeps docs/case-format.md and docs/cases.schema.json in step with the case reader.</summary>
public partial class CaseFormatTests
{
    private static readonly string Docs = Path.Combine(PackageTests.RepositoryRoot(), "docs");

    [Theory]
    [InlineData("DecisionOutcome", typeof(DecisionOutcome))]
    [InlineData("ItemOutcome", typeof(ItemOutcome))]
    public void Schema_EnumList_EqualsTheEnumsNamesWithoutUnspecified(string definition, Type type)
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "cases.schema.json")));

        JsonElement values = schema.RootElement.GetProperty("$defs").GetProperty(definition).GetProperty("enum");

        Assert.Equal(Enum.GetNames(type).Skip(1), values.EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("Case", "name,request,expect")]
    [InlineData("Expectation", "outcome")]
    [InlineData("Item", "accountReference,category,outcome")]
    public void Schema_RequiredMembers_AreTheOnesTheReaderRequires(string definition, string required)
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "cases.schema.json")));

        JsonElement def = schema.RootElement.GetProperty("$defs").GetProperty(definition);

        Assert.Equal(required.Split(','), def.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(def.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void FormatDocument_Example_ReadsAsAValidSuite()
    {
        string example = ExampleBlock().Match(File.ReadAllText(Path.Combine(Docs, "case-format.md"))).Groups[1].Value;

        ReadResult<CaseSuite> read = CaseSuite.Read(example);

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal("Germany, drug trafficking: outside the German practice", Assert.Single(read.Value!.Cases).Name);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
