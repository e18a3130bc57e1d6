namespace DisclosurePolicy.Rules;

/// <summary>What a clause does to a data item when its condition holds.</summary>
/// <remarks><para>For one account and data item the strongest effect wins, in this order: <see cref="Deny"/>,
/// <see cref="NotApplicable"/>, <see cref="Pending"/>, <see cref="Permit"/>. When no clause fires, the item is denied.</para></remarks>
public enum ClauseEffectKind
{
    /// <summary>Not an effect; invalid.</summary>
    Unspecified = 0,

    /// <summary>The item may not be disclosed; deny overrides every other effect.</summary>
    Deny,

    /// <summary>The rule does not cover this kind of request (for example preservation only).</summary>
    NotApplicable,

    /// <summary>The item cannot be decided until a step is taken (for example the legal analysis).</summary>
    Pending,

    /// <summary>The item may be disclosed, when its category is among the clause's categories.</summary>
    Permit,
}
