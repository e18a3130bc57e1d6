namespace DisclosurePolicy.Reporting;

/// <summary>
/// Thrown when a recorder is asked to store a decision under a request id that already holds a different decision.
/// Records are append-only: the stored record stands and nothing is changed.
/// </summary>
/// <remarks><para>A conflict means the host decided the same request twice with different results (a changed request, another
/// rule version, a decision in another reporting period) and must look into it; it is never resolved silently.</para></remarks>
public sealed class RecordConflictException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="RecordConflictException"/> class.</summary>
    public RecordConflictException()
        : base("A different decision is already recorded under this request id.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordConflictException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public RecordConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordConflictException"/> class with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RecordConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordConflictException"/> class for two conflicting records.</summary>
    /// <param name="existing">The record already stored.</param>
    /// <param name="attempted">The record that was refused.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RecordConflictException(DecisionRecord existing, DecisionRecord attempted)
        : base(Describe(existing, attempted))
    {
        Existing = existing;
        Attempted = attempted;
        Differences = existing.DifferencesFrom(attempted);
    }

    /// <summary>Gets the record already stored, when known.</summary>
    public DecisionRecord? Existing { get; }

    /// <summary>Gets the record that was refused, when known.</summary>
    public DecisionRecord? Attempted { get; }

    /// <summary>Gets the members in which the two records differ (such as <c>outcome</c> or <c>version</c>).</summary>
    public IReadOnlyList<string> Differences { get; } = [];

    private static string Describe(DecisionRecord existing, DecisionRecord attempted)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(attempted);
        return $"Request '{existing.RequestId}' already has a recorded decision ({existing.Outcome} under {existing.VersionId ?? "no version"} at " +
            $"{existing.DecidedAt}); the new one ({attempted.Outcome} under {attempted.VersionId ?? "no version"} at {attempted.DecidedAt}) " +
            $"differs in {string.Join(", ", existing.DifferencesFrom(attempted))} and was refused. Records are append-only.";
    }
}
