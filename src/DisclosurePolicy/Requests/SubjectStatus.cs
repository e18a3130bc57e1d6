namespace DisclosurePolicy.Requests;

/// <summary>The status of a person as the order itself confirms it.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point treats as missing information.</para></remarks>
public enum SubjectStatus
{
    /// <summary>Missing; an invalid value that evaluation denies.</summary>
    Unspecified = 0,

    /// <summary>The order names the account but states no status for its user.</summary>
    NotStated,

    /// <summary>The order confirms the user is a suspect.</summary>
    Suspect,

    /// <summary>The order confirms the user is accused (charged); counts as a suspect by default.</summary>
    Accused,

    /// <summary>The order states the user was convicted; not a suspect.</summary>
    Convicted,

    /// <summary>The user is a victim.</summary>
    Victim,

    /// <summary>The user is a witness.</summary>
    Witness,

    /// <summary>The account is associated with a suspect but its user is not said to be one.</summary>
    AssociatedAccount,

    /// <summary>Any other status.</summary>
    Other,
}
