using DisclosurePolicy.Comparison;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>Values from the input cannot break a line of text output or steer a terminal.</summary>
public class PrintableTextTests
{
    [Fact]
    public void ValidationProblem_ValueWithLineBreakAndEscape_StaysOnOneLineWithVisibleEscapes()
    {
        var problem = new ValidationProblem("id", "x\n3 of 3 requests were decided\u001b[2J\0", "the request needs an identifier");

        string line = problem.ToString();

        Assert.Equal("id = 'x\\n3 of 3 requests were decided\\u001B[2J\\u0000': the request needs an identifier", line);
        Assert.DoesNotContain(line, char.IsControl);
    }

    [Fact]
    public void ValidationProblem_PlainValue_IsUnchanged()
    {
        Assert.Equal("jurisdiction = 'XX': not an ISO code", new ValidationProblem("jurisdiction", "XX", "not an ISO code").ToString());
    }

    [Fact]
    public void DecisionText_RequestIdAndAccountWithControlCharacters_AreEscaped()
    {
        LegalRequest request = Some.With(
            Some.V2Permitted(),
            id: "REQ\r\nForged: MayDisclose",
            subjects: [new Subject("acct\u001b]0;pwned\u0007\u202E", SubjectStatus.Suspect, OffenceCategory.Terrorism)]);

        string text = Engines.BuiltIn().Evaluate(request).Explain();

        Assert.Contains("Request REQ\\r\\nForged: MayDisclose:", text, StringComparison.Ordinal);
        Assert.Contains("acct\\u001B]0;pwned\\u0007\\u202E", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Replace(Environment.NewLine, string.Empty, StringComparison.Ordinal), c => char.IsControl(c) || c == '\u202E');
    }

    [Fact]
    public void PrintableText_Escape_IsTheEscapingOfTheLibrarysOwnText()
    {
        const string value = "x\n3 of 3 requests were decided\u001b[2J\0\u202E";

        Assert.Equal("x\\n3 of 3 requests were decided\\u001B[2J\\u0000\\u202E", PrintableText.Escape(value));
        Assert.Equal($"id = '{PrintableText.Escape(value)}': m", new ValidationProblem("id", value, "m").ToString());
        Assert.Same("plain", PrintableText.Escape("plain"));
        Assert.Throws<ArgumentNullException>(() => PrintableText.Escape(null!));
    }

    [Fact]
    public void RequestComparison_RequestIdAndAccountWithControlCharacters_AreEscaped()
    {
        LegalRequest request = Some.With(
            Some.V2Permitted(),
            id: "REQ\r\nForged: MayDisclose",
            subjects: [new Subject("acct\u001b[2J\0", SubjectStatus.Suspect, OffenceCategory.Terrorism)]);

        RequestComparison comparison = new RequestComparer(Engines.BuiltIn()).Compare(request, BuiltInRules.V1, BuiltInRules.V2);
        string text = comparison.Explain();

        Assert.StartsWith("Request REQ\\r\\nForged: MayDisclose: ", text, StringComparison.Ordinal);
        Assert.Contains("- acct\\u001B[2J\\u0000 / ", text, StringComparison.Ordinal);
        Assert.StartsWith("REQ\\r\\nForged: MayDisclose: ", comparison.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(text.Replace(Environment.NewLine, string.Empty, StringComparison.Ordinal), char.IsControl);
    }
}
