namespace DisclosurePolicy.Rules;

/// <summary>An item of the Terms of Service: something users agree not to do.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point rejects.</para></remarks>
public enum TosItem
{
    /// <summary>Not an item; invalid.</summary>
    Unspecified = 0,

    /// <summary>"Use our service to send spam or scam users."</summary>
    SpamOrScam,

    /// <summary>"Promote violence on publicly viewable Telegram channels, bots, etc."</summary>
    PublicViolencePromotion,

    /// <summary>"Post illegal pornographic content on publicly viewable Telegram channels, bots, etc."</summary>
    PublicIllegalPornography,

    /// <summary>"Engage in activities that are recognized as illegal in the majority of countries."</summary>
    IllegalInMajorityOfCountries,
}
