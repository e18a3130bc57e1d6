namespace DisclosurePolicy.Evaluation;

/// <summary>The overall outcome of a decision on a request.</summary>
/// <remarks><para>Both rule texts grant a permission, never a duty: <see cref="MayDisclose"/> is the strongest answer, and
/// the host still decides whether to act.</para></remarks>
public enum DecisionOutcome
{
    /// <summary>Not an outcome; never returned.</summary>
    Unspecified = 0,

    /// <summary>Every requested item of every named account may be disclosed.</summary>
    MayDisclose,

    /// <summary>Some items may be disclosed and others may not.</summary>
    PartiallyPermitted,

    /// <summary>Nothing may be disclosed until the legal analysis has been performed.</summary>
    PendingLegalAnalysis,

    /// <summary>Nothing may be disclosed.</summary>
    Deny,

    /// <summary>The rule does not cover this kind of request (for example preservation only); nothing is disclosed under it.</summary>
    NotApplicable,
}
