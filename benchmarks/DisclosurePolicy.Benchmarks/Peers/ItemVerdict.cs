namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>What the V2 rule says about one account and one data item, as each peer works it out.</summary>
public enum ItemVerdict
{
    /// <summary>Not decided; never produced.</summary>
    Unspecified = 0,

    /// <summary>The item may be disclosed.</summary>
    Permitted,

    /// <summary>The item may not be disclosed.</summary>
    Denied,

    /// <summary>Nothing may be disclosed before the legal analysis is performed.</summary>
    Pending,

    /// <summary>The rule does not cover the request (preservation only).</summary>
    NotApplicable,
}
