using System.Globalization;
using System.Text;
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
            // Only the exception's positions are a contract; its message text is not, so the problem is described here.
            // JsonException counts from 0, people count lines and columns from 1.
            string where = ex.LineNumber is long line
                ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}")
                : "an unknown position";
            problems.Add(new ValidationProblem("$", null, $"malformed JSON at {where}: {Describe(json, ex)}"));
            return null;
        }
        catch (ArgumentException)
        {
            // The text itself (not an escape in it) holds half a surrogate pair, so it cannot be turned into UTF-8.
            problems.Add(new ValidationProblem("$", null, "the text is not valid Unicode: it holds half of a surrogate pair"));
            return null;
        }
    }

    private static string Describe(string json, JsonException ex)
    {
        int offset = Offset(json, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
        if (json.AsSpan(offset).IsWhiteSpace())
        {
            return "the document ends before every object, array and string in it is closed";
        }

        if (Depth(json, offset) >= Options.MaxDepth)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the document nests more than {Options.MaxDepth} levels deep");
        }

        char found = json[offset];
        string shown = char.IsControl(found) || char.IsSurrogate(found)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)found:X4}")
            : $"'{found}'";
        return found is '}' or ']' && json.AsSpan(0, offset).TrimEnd().EndsWith(",")
            ? $"a trailing comma before {shown}; the last member or element takes no comma"
            : $"unexpected {shown}";
    }

    // The character offset of a 0-based line and UTF-8 byte position in that line.
    private static int Offset(string json, long line, long bytePosition)
    {
        int start = 0;
        for (long l = 0; l < line && start < json.Length; l++)
        {
            int end = json.IndexOf('\n', start);
            start = end < 0 ? json.Length : end + 1;
        }

        int offset = start;
        long bytes = 0;
        while (offset < json.Length && bytes < bytePosition)
        {
            Rune.DecodeFromUtf16(json.AsSpan(offset), out Rune rune, out int chars);
            bytes += rune.Utf8SequenceLength;
            offset += chars;
        }

        return offset;
    }

    // How many objects and arrays are open at an offset, strings skipped.
    private static int Depth(string json, int offset)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < offset; i++)
        {
            char c = json[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else
            {
                inString = c == '"';
                depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            }
        }

        return depth;
    }
}
