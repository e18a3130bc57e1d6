using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using DisclosurePolicy.Internal;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Serialization;

/// <summary>
/// Reads the members of one JSON object, recording a problem (path, value, why) for each missing, mistyped, unknown or
/// unparsable member instead of throwing, so a caller can report every problem of a document at once.
/// </summary>
internal sealed class JsonObjectReader
{
    private const string NotUnicode = "not valid Unicode text: it holds a lone surrogate escape such as \\ud800";

    private readonly List<ValidationProblem> _problems;

    // The object's members by name, first occurrence only; read through this map and never through
    // JsonElement.TryGetProperty, which takes the last of repeated members and throws on a name that is not valid Unicode.
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<ValidationProblem> problems)
    {
        Path = path;
        _problems = problems;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!TryName(property, out string? name))
            {
                _problems.Add(new ValidationProblem(Display(path), null, $"a field name is {NotUnicode}"));
            }
            else if (!_members.TryAdd(name, property.Value))
            {
                // Whichever copy a reader took, the other would decide differently: a repeated member is refused, like an unknown one.
                _problems.Add(new ValidationProblem(Display(Child(name)), Raw(property.Value), "duplicate field: each field may appear only once"));
            }
        }
    }

    public string Path { get; }

    /// <summary>Starts reading an element that must be an object; records a problem and returns null when it is not.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<ValidationProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonObjectReader(element, path, problems);
        }

        problems.Add(new ValidationProblem(Display(path), Raw(element), $"expected a JSON object, found {Kind(element)}"));
        return null;
    }

    public string? String(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        return StringValue(value, Child(name), _problems);
    }

    public bool? Bool(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(name, value, $"expected true or false, found {Kind(value)}");
        return null;
    }

    public int? Int(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            return number;
        }

        Problem(name, value, $"expected a whole number, found {Kind(value)}");
        return null;
    }

    public T? Enum<T>(string name, bool required)
        where T : struct, System.Enum
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        return EnumValue<T>(value, Child(name), _problems);
    }

    public LocalDate? Date(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        return DateValue(value, Child(name), _problems);
    }

    public Instant? Instant(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (TryText(value, out string? text))
        {
            ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        Problem(name, value, "expected an instant such as 2025-02-12T09:30:00Z");
        return null;
    }

    /// <summary>The raw element of a member, for readers that hand it on (such as a nested request); null when missing.</summary>
    public JsonElement? Element(string name, bool required) =>
        TryGet(name, required, out JsonElement value) ? value : null;

    public JsonObjectReader? Object(string name, bool required) =>
        TryGet(name, required, out JsonElement value) ? Open(value, Child(name), _problems) : null;

    /// <summary>The elements of an array member, each with its path; empty when missing or not an array.</summary>
    public List<(JsonElement Element, string Path)>? Array(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, value, $"expected an array, found {Kind(value)}");
            return null;
        }

        var items = new List<(JsonElement, string)>();
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            items.Add((item, $"{Child(name)}[{i++}]"));
        }

        return items;
    }

    /// <summary>Records every member that no read asked for: a misspelt field must not silently drop a fact.</summary>
    public void RejectUnknownMembers()
    {
        foreach (string name in _members.Keys)
        {
            if (!_read.Contains(name))
            {
                _problems.Add(new ValidationProblem(Display(Child(name)), null, "unknown field; check its spelling against the documented format"));
            }
        }
    }

    /// <summary>Reads a string element; records a problem and returns null for any other kind or for text that is not valid Unicode.</summary>
    public static string? StringValue(JsonElement value, string path, List<ValidationProblem> problems)
    {
        if (TryText(value, out string? text))
        {
            return text;
        }

        problems.Add(new ValidationProblem(Display(path), Raw(value), value.ValueKind == JsonValueKind.String ? NotUnicode : $"expected a string, found {Kind(value)}"));
        return null;
    }

    public static T? EnumValue<T>(JsonElement value, string path, List<ValidationProblem> problems)
        where T : struct, System.Enum
    {
        string accepted = EnumValues.Accepted<T>();
        if (!TryText(value, out string? text))
        {
            string found = value.ValueKind == JsonValueKind.String ? "text that is " + NotUnicode : Kind(value);
            problems.Add(new ValidationProblem(Display(path), Raw(value), $"expected one of: {accepted}; found {found}"));
            return null;
        }

        if (EnumValues.TryParse(text, out T parsed))
        {
            return parsed;
        }

        problems.Add(new ValidationProblem(Display(path), text, $"not a known {typeof(T).Name}; accepted: {accepted}"));
        return null;
    }

    public static LocalDate? DateValue(JsonElement value, string path, List<ValidationProblem> problems)
    {
        if (TryText(value, out string? text))
        {
            return IsoDates.Parse(text, Display(path), problems);
        }

        string found = value.ValueKind == JsonValueKind.String ? "text that is " + NotUnicode : Kind(value);
        problems.Add(new ValidationProblem(Display(path), Raw(value), $"expected a date string (yyyy-MM-dd), found {found}"));
        return null;
    }

    public static string Display(string path) => path.Length == 0 ? "$" : path;

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>The value to show beside a problem: a string's text (or its escaped source when it is not valid Unicode), a
    /// number's or literal's source, nothing for objects and arrays.</summary>
    public static string? Raw(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TryText(value, out string? text) ? text : value.GetRawText(),
        JsonValueKind.Object or JsonValueKind.Array => null,
        JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _read.Add(name);
        if (_members.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            _problems.Add(new ValidationProblem(Display(Child(name)), null, "required field is missing"));
        }

        return false;
    }

    private void Problem(string name, JsonElement value, string message) =>
        _problems.Add(new ValidationProblem(Display(Child(name)), Raw(value), message));

    // A string escape may name half a surrogate pair ("\ud800"): well-formed JSON, but no .NET string can hold it as text,
    // and the reader throws when asked for it. There is no non-throwing accessor, so the exception is the test.
    private static bool TryText(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryName(JsonProperty property, [NotNullWhen(true)] out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }
}
