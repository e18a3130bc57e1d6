using DisclosurePolicy.Serialization;
using Xunit;

namespace DisclosurePolicy.Tests.Serialization;

public class JsonDocumentsTests
{
    [Theory]
    [InlineData("{\"a\":", "line 1, position 6: the document ends before every object, array and string in it is closed")]
    [InlineData("{\"a\": 1,}", "line 1, position 9: a trailing comma before '}'; the last member or element takes no comma")]
    [InlineData("[1,\n 2 , ]", "line 2, position 6: a trailing comma before ']'; the last member or element takes no comma")]
    [InlineData("{\n  \"id\": \"p\",\n  \"title\" \"t\"\n}", "line 3, position 11: unexpected '\"'")]
    [InlineData("{\"é\": x}", "line 1, position 8: unexpected 'x'")]
    [InlineData("\u0001", "line 1, position 1: unexpected U+0001")]
    public void TryParse_MalformedText_DescribesTheFaultAtItsOneBasedPosition(string json, string expected)
    {
        var problems = new List<ValidationProblem>();

        Assert.Null(JsonDocuments.TryParse(json, problems));

        ValidationProblem problem = Assert.Single(problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal("malformed JSON at " + expected, problem.Message);
    }

    [Fact]
    public void TryParse_NestedDeeperThanTheLimit_NamesTheLimit()
    {
        var problems = new List<ValidationProblem>();

        Assert.Null(JsonDocuments.TryParse(new string('[', 70) + new string(']', 70), problems));

        Assert.Equal("malformed JSON at line 1, position 65: the document nests more than 64 levels deep", Assert.Single(problems).Message);
    }

    [Fact]
    public void TryParse_BracketsInsideStrings_DoNotCountAsNesting()
    {
        var problems = new List<ValidationProblem>();
        string json = "[\"" + new string('[', 100) + "\\\"\", x]";

        Assert.Null(JsonDocuments.TryParse(json, problems));

        Assert.EndsWith(": unexpected 'x'", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
