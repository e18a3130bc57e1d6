namespace DisclosurePolicy.Requests;

/// <summary>The channel a request arrived through.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point treats as missing information.</para></remarks>
public enum RequestChannel
{
    /// <summary>Not stated; an invalid value.</summary>
    Unspecified = 0,

    /// <summary>The platform's law-enforcement portal.</summary>
    LawEnforcementPortal,

    /// <summary>The contact point designated under the Digital Services Act.</summary>
    DsaContactPoint,

    /// <summary>E-mail; the channel forged emergency requests use.</summary>
    Email,

    /// <summary>Post.</summary>
    Post,

    /// <summary>A central authority under mutual legal assistance.</summary>
    CentralAuthority,

    /// <summary>Any other channel.</summary>
    Other,
}
