using System.Globalization;
using System.Text.Json;

namespace DisclosurePolicy.Serialization;

/// <summary>Parses JSON text into a document, turning malformed input into one problem with its line and position.</summary>
internal static class JsonDocuments
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonDocument? TryParse(string json, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new ValidationProblem("$", null, "the input is empty; expected a JSON document"));
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            // JsonException carries 0-based positions; people count lines and columns from 1.
            string where = ex.LineNumber is long line
                ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}")
                : "an unknown position";
            problems.Add(new ValidationProblem("$", null, $"malformed JSON at {where}: {FirstSentence(ex.Message)}"));
            return null;
        }
        catch (ArgumentException)
        {
            // The text itself (not an escape in it) holds half a surrogate pair, so it cannot be turned into UTF-8.
            problems.Add(new ValidationProblem("$", null, "the text is not valid Unicode: it holds half of a surrogate pair"));
            return null;
        }
    }

    // The parser appends its own 0-based position (" Path: $ | LineNumber: 0 | BytePositionInLine: 3." or, at the end of
    // the data, " LineNumber: 0 | BytePositionInLine: 3."); the 1-based line and position above replace it.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        string text = cut > 0 ? message[..cut] : message;

        // Drop advice meant for programmers ("Change the reader options."): the person reading can only fix the document.
        int advice = text.IndexOf(" Change the reader options", StringComparison.Ordinal);
        return (advice > 0 ? text[..advice] : text).TrimEnd('.');
    }
}
