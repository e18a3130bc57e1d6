namespace DisclosurePolicy.Records.JsonLines;

/// <summary>A problem found on one line of a record file when it was opened.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares every member.</para></remarks>
public sealed record RecordFileProblem
{
    /// <summary>Initializes a new instance of the <see cref="RecordFileProblem"/> class.</summary>
    /// <param name="lineNumber">The line's number, counted from 1.</param>
    /// <param name="kind">What is wrong.</param>
    /// <param name="message">Why, in words, with the reader's own findings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public RecordFileProblem(long lineNumber, RecordFileProblemKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        LineNumber = lineNumber;
        Kind = kind;
        Message = message;
    }

    /// <summary>Gets the line's number, counted from 1.</summary>
    public long LineNumber { get; }

    /// <summary>Gets what is wrong.</summary>
    public RecordFileProblemKind Kind { get; }

    /// <summary>Gets why, in words.</summary>
    public string Message { get; }

    /// <summary>Returns the problem on one line.</summary>
    /// <returns>For example <c>line 7: TornLastLine: ...</c>.</returns>
    public override string ToString() => $"line {LineNumber}: {Kind}: {Message}";
}
