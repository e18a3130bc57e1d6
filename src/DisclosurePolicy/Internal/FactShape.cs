namespace DisclosurePolicy.Internal;

/// <summary>What kind of value a fact holds.</summary>
internal enum FactShape
{
    /// <summary>One member of an enum.</summary>
    Scalar,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>A set of members of an enum.</summary>
    Set,

    /// <summary>A country code.</summary>
    Code,
}
