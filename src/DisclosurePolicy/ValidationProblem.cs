using DisclosurePolicy.Internal;
namespace DisclosurePolicy;

/// <summary>
/// One problem found while validating a request or a rule definition: where it is, what was there and why it is wrong.
/// </summary>
/// <remarks>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed record ValidationProblem
{
    /// <summary>Initializes a new instance of the <see cref="ValidationProblem"/> class.</summary>
    /// <param name="path">The path of the offending field, for example <c>subjects[1].status</c>.</param>
    /// <param name="value">The offending value as text, or <see langword="null"/> when the value was missing.</param>
    /// <param name="message">Why the value is wrong, in words a reviewer can act on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public ValidationProblem(string path, string? value, string message)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        Path = path;
        Value = value;
        Message = message;
    }

    /// <summary>Gets the path of the offending field, for example <c>subjects[1].status</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the offending value as text, or <see langword="null"/> when the value was missing.</summary>
    public string? Value { get; }

    /// <summary>Gets why the value is wrong.</summary>
    public string Message { get; }

    /// <summary>Returns the problem as one line: path, value and message, with control characters, line separators and
    /// bidirectional overrides shown as escapes (<c>\n</c>, <c>\u001B</c>), so no value can break or forge a line.</summary>
    /// <returns>A line such as <c>jurisdiction = 'XX': not an ISO 3166-1 alpha-2 country code</c>.</returns>
    public override string ToString() =>
        Printable.Escape(Value is null ? $"{Path}: {Message}" : $"{Path} = '{Value}': {Message}");
}
