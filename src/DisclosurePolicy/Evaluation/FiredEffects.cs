namespace DisclosurePolicy.Evaluation;

/// <summary>The kinds of effect that fired for an item, as flags, for the decision-only path.</summary>
[Flags]
internal enum FiredEffects
{
    /// <summary>Nothing fired yet.</summary>
    None = 0,

    /// <summary>A deny fired.</summary>
    Deny = 1,

    /// <summary>A not-applicable clause fired.</summary>
    NotApplicable = 2,

    /// <summary>A pending clause fired.</summary>
    Pending = 4,

    /// <summary>A permit for the item's category fired.</summary>
    Permit = 8,
}
