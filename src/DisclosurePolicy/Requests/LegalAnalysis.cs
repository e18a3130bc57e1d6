namespace DisclosurePolicy.Requests;

/// <summary>The platform's own legal analysis of a request: its outcome and the grounds given.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares outcome and grounds.</para></remarks>
public sealed record LegalAnalysis
{
    /// <summary>Initializes a new instance of the <see cref="LegalAnalysis"/> class.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="grounds">The grounds recorded by the analyst, or <see langword="null"/>.</param>
    public LegalAnalysis(LegalAnalysisOutcome outcome, string? grounds)
    {
        Outcome = outcome;
        Grounds = grounds;
    }

    /// <summary>Gets an analysis that has not been performed.</summary>
    public static LegalAnalysis NotPerformed { get; } = new(LegalAnalysisOutcome.NotPerformed, null);

    /// <summary>Gets the outcome.</summary>
    public LegalAnalysisOutcome Outcome { get; }

    /// <summary>Gets the grounds recorded by the analyst, or <see langword="null"/>.</summary>
    public string? Grounds { get; }
}
