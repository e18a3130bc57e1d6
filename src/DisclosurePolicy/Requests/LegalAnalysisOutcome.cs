namespace DisclosurePolicy.Requests;

/// <summary>The outcome of the platform's own legal analysis of the request.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point rejects.</para></remarks>
public enum LegalAnalysisOutcome
{
    /// <summary>Not stated; an invalid value.</summary>
    Unspecified = 0,

    /// <summary>No analysis has been performed yet.</summary>
    NotPerformed,

    /// <summary>The analysis found the request sound.</summary>
    Passed,

    /// <summary>The analysis found the request unsound.</summary>
    Failed,
}
