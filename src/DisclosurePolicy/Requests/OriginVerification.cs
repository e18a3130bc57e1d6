namespace DisclosurePolicy.Requests;

/// <summary>Whether the request's origin was verified.</summary>
/// <remarks><para>Anything but <see cref="VerifiedOutOfBand"/> makes the order count as not valid: forged requests sent
/// from compromised police mailboxes are a documented attack. Zero is <see cref="Unspecified"/>, which every entry point
/// treats as missing information.</para></remarks>
public enum OriginVerification
{
    /// <summary>Not stated; an invalid value.</summary>
    Unspecified = 0,

    /// <summary>The origin was confirmed through an independent channel.</summary>
    VerifiedOutOfBand,

    /// <summary>The origin was not checked.</summary>
    Unverified,

    /// <summary>The check was made and failed.</summary>
    FailedVerification,
}
