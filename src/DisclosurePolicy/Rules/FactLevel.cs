namespace DisclosurePolicy.Rules;

/// <summary>The level a fact, and so a clause's reason, belongs to.</summary>
public enum FactLevel
{
    /// <summary>The same for the whole order.</summary>
    Order = 0,

    /// <summary>One per named account.</summary>
    Subject,

    /// <summary>One per named account and requested data category.</summary>
    DataItem,
}
