using DisclosurePolicy.Internal;

namespace DisclosurePolicy;

/// <summary>
/// Makes text taken from a request, rules or a record safe to show on one line of a terminal or a log, the way the
/// library's own text output (<see cref="ValidationProblem.ToString"/>, a decision's explanation) shows it.
/// </summary>
/// <remarks>
/// <para>Control characters, line and paragraph separators and bidirectional overrides become visible escapes (<c>\n</c>,
/// <c>\r</c>, <c>\t</c>, else <c>\uXXXX</c>), so a request id or an account reference can neither break a line (and forge
/// another one, such as a summary) nor steer a terminal. Other text, backslashes included, is left as it is: the result is
/// for people to read, not to be parsed back.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class PrintableText
{
    /// <summary>Returns the text with every control character, line or paragraph separator and bidirectional override escaped.</summary>
    /// <param name="text">The text to show.</param>
    /// <returns>The text itself when nothing needs escaping; otherwise a copy with the escapes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Printable.Escape(text);
    }
}
