namespace DisclosurePolicy.Rules;

/// <summary>The level a fact, and so a clause's reason, belongs to.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, like every domain enum; no fact or clause has it.</para></remarks>
internal enum FactLevel
{
    /// <summary>Not a level; never returned.</summary>
    Unspecified = 0,

    /// <summary>The same for the whole order.</summary>
    Order,

    /// <summary>One per named account.</summary>
    Subject,

    /// <summary>One per named account and requested data category.</summary>
    DataItem,
}
