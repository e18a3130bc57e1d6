using System.Globalization;
using System.Text;

namespace DisclosurePolicy.Fuzz;

/// <summary>One generated input: text for the string readers, bytes for the record file, and how it was made.</summary>
internal sealed class FuzzInput(string? text, byte[]? bytes, IReadOnlyList<Mutation> mutations)
{
    public string? Text { get; } = text;

    public byte[]? Bytes { get; } = bytes;

    public IReadOnlyList<Mutation> Mutations { get; } = mutations;

    /// <summary>The input for a report: escaped so that it is one line, cut to a length a person reads.</summary>
    public string Describe(int maxLength = 1_500)
    {
        string whole = Text ?? Encoding.UTF8.GetString(Bytes!);
        string shown = whole.Length > maxLength ? whole[..maxLength] + $"... ({whole.Length} characters in all)" : whole;
        return $"[{string.Join(", ", Mutations)}] {Escape(shown)}";
    }

    // Control characters and lone surrogates as \uXXXX, so a finding prints as one readable line.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c == '\ufeff')
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
