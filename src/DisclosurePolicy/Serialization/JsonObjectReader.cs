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
    private readonly JsonElement _element;
    private readonly List<ValidationProblem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<ValidationProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
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

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Problem(name, value, $"expected a string, found {Kind(value)}");
        return null;
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

        if (value.ValueKind == JsonValueKind.String)
        {
            ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(value.GetString()!);
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
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                _problems.Add(new ValidationProblem(Display(Child(property.Name)), null, "unknown field; check its spelling against the documented format"));
            }
        }
    }

    public static T? EnumValue<T>(JsonElement value, string path, List<ValidationProblem> problems)
        where T : struct, System.Enum
    {
        string accepted = EnumValues.Accepted<T>();
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new ValidationProblem(Display(path), Raw(value), $"expected one of: {accepted}; found {Kind(value)}"));
            return null;
        }

        string text = value.GetString()!;
        bool isName = text.Length > 0 && char.IsLetter(text[0]);
        if (isName && System.Enum.TryParse(text, ignoreCase: true, out T parsed) && EnumValues.IsSpecified(parsed))
        {
            return parsed;
        }

        problems.Add(new ValidationProblem(Display(path), text, $"not a known {typeof(T).Name}; accepted: {accepted}"));
        return null;
    }

    public static LocalDate? DateValue(JsonElement value, string path, List<ValidationProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(value.GetString()!);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            problems.Add(new ValidationProblem(Display(path), value.GetString(), "not a calendar date; expected yyyy-MM-dd, such as 2025-02-10"));
            return null;
        }

        problems.Add(new ValidationProblem(Display(path), Raw(value), $"expected a date string (yyyy-MM-dd), found {Kind(value)}"));
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

    public static string? Raw(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object or JsonValueKind.Array => null,
        JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _read.Add(name);
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
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
}
