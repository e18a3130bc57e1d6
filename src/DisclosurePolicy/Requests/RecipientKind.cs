namespace DisclosurePolicy.Requests;

/// <summary>Who would receive the data if it were disclosed.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point treats as missing information.</para></remarks>
public enum RecipientKind
{
    /// <summary>Not stated; an invalid value that evaluation denies.</summary>
    Unspecified = 0,

    /// <summary>A law-enforcement authority.</summary>
    LawEnforcementAuthority,

    /// <summary>A court, judge or prosecutor.</summary>
    JudicialAuthority,

    /// <summary>Another public authority.</summary>
    OtherPublicAuthority,

    /// <summary>A private party; never "the relevant authorities".</summary>
    PrivateParty,

    /// <summary>A lawyer; never "the relevant authorities".</summary>
    Lawyer,
}
