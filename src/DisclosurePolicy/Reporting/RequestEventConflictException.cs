namespace DisclosurePolicy.Reporting;

/// <summary>
/// Thrown when an event contradicts the history already recorded for its request: a disclosure of an item the decision did
/// not permit, a disclosure before the decision or after closing, an event for a request with no recorded decision, and
/// the like. Histories are append-only: nothing is written and the recorded history stands.
/// </summary>
/// <remarks><para>A second, different decision is refused with <see cref="RecordConflictException"/> instead, as before
/// events existed.</para></remarks>
public sealed class RequestEventConflictException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="RequestEventConflictException"/> class.</summary>
    public RequestEventConflictException()
        : base("The event contradicts the recorded history of its request.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestEventConflictException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public RequestEventConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestEventConflictException"/> class with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RequestEventConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestEventConflictException"/> class for a refused event.</summary>
    /// <param name="attempted">The event that was refused.</param>
    /// <param name="problems">Every way in which it contradicts the history, each naming the field, its value and why.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RequestEventConflictException(RequestEvent attempted, IReadOnlyList<string> problems)
        : base(Describe(attempted, problems))
    {
        Attempted = attempted;
        Problems = problems;
    }

    /// <summary>Gets the event that was refused, when known.</summary>
    public RequestEvent? Attempted { get; }

    /// <summary>Gets every way in which the event contradicts the history.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    private static string Describe(RequestEvent attempted, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        ArgumentNullException.ThrowIfNull(problems);
        return $"The {attempted.Kind} event of request '{attempted.RequestId}' was refused: {string.Join("; ", problems)}. Nothing was recorded.";
    }
}
