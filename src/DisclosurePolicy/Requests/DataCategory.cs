namespace DisclosurePolicy.Requests;

/// <summary>A category of user data a request asks for.</summary>
/// <remarks><para>Only <see cref="IpAddress"/> and <see cref="PhoneNumber"/> are ever disclosable under the built-in rules.
/// Zero is <see cref="Unspecified"/>, which every entry point rejects.</para></remarks>
public enum DataCategory
{
    /// <summary>Not stated; an invalid value.</summary>
    Unspecified = 0,

    /// <summary>The IP address.</summary>
    IpAddress,

    /// <summary>The phone number.</summary>
    PhoneNumber,

    /// <summary>The login e-mail address.</summary>
    LoginEmail,

    /// <summary>The recovery e-mail address.</summary>
    RecoveryEmail,

    /// <summary>Profile data: name, picture, "about".</summary>
    ProfileData,

    /// <summary>The history of username changes.</summary>
    UsernameHistory,

    /// <summary>Devices and apps used.</summary>
    DevicesAndApps,

    /// <summary>Connection logs: IP history with timestamps.</summary>
    ConnectionLogs,

    /// <summary>Synced contacts.</summary>
    Contacts,

    /// <summary>The content of cloud chats.</summary>
    CloudMessageContent,

    /// <summary>The content of secret chats (never held).</summary>
    SecretChatContent,

    /// <summary>Media.</summary>
    Media,

    /// <summary>Location.</summary>
    Location,

    /// <summary>Payment or shipping data.</summary>
    PaymentOrShipping,
}
