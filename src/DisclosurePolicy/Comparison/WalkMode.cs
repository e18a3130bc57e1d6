namespace DisclosurePolicy.Comparison;

/// <summary>What a walk over the input space looks for.</summary>
internal enum WalkMode
{
    /// <summary>Every class where the two versions decide differently.</summary>
    All = 0,

    /// <summary>The first class where they decide differently.</summary>
    FirstDifference,

    /// <summary>The first class the left version permits and the right does not.</summary>
    FirstWider,
}
