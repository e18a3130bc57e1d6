using System.Globalization;
using System.Text;

namespace DisclosurePolicy.Internal;

/// <summary>
/// Text from a request, rules or a record shown to people: control characters, line and paragraph separators and
/// bidirectional overrides become visible escapes, so a value can neither break a line (and forge another problem or a
/// summary line) nor steer a terminal.
/// </summary>
internal static class Printable
{
    /// <summary>Returns the text with every such character escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, else <c>\uXXXX</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text itself when nothing needs escaping.</returns>
    public static string Escape(string text)
    {
        int i = 0;
        while (i < text.Length && !NeedsEscape(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            _ = NeedsEscape(c)
                ? escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                })
                : escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
