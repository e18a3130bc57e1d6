namespace DisclosurePolicy.Evaluation;

/// <summary>The outcome for one data category of one named account.</summary>
public enum ItemOutcome
{
    /// <summary>Not an outcome; never returned.</summary>
    Unspecified = 0,

    /// <summary>The item may be disclosed.</summary>
    Permitted,

    /// <summary>The item may not be disclosed.</summary>
    Denied,

    /// <summary>The item cannot be decided until the legal analysis has been performed.</summary>
    PendingLegalAnalysis,

    /// <summary>The rule does not cover this kind of request.</summary>
    NotApplicable,
}
