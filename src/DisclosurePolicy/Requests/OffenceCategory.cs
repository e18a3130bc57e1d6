namespace DisclosurePolicy.Requests;

/// <summary>A category of offence alleged in the case the order belongs to.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point rejects.</para></remarks>
public enum OffenceCategory
{
    /// <summary>Not stated; an invalid value.</summary>
    Unspecified = 0,

    /// <summary>Terrorism.</summary>
    Terrorism,

    /// <summary>Child sexual abuse, including abuse material.</summary>
    ChildSexualAbuse,

    /// <summary>Drug trafficking.</summary>
    DrugTrafficking,

    /// <summary>Firearms trafficking.</summary>
    FirearmsTrafficking,

    /// <summary>Forged documents.</summary>
    ForgedDocuments,

    /// <summary>Selling or offering other illegal goods or services.</summary>
    OtherIllegalGoodsOrServices,

    /// <summary>Fraud or scams.</summary>
    FraudOrScam,

    /// <summary>Spam.</summary>
    Spam,

    /// <summary>Public incitement to violence.</summary>
    PublicIncitementToViolence,

    /// <summary>Illegal pornography published in public places.</summary>
    PublicIllegalPornography,

    /// <summary>Attacks on information systems (hacking).</summary>
    AttacksOnInformationSystems,

    /// <summary>Money laundering.</summary>
    MoneyLaundering,

    /// <summary>Copyright infringement.</summary>
    CopyrightInfringement,

    /// <summary>Defamation.</summary>
    Defamation,

    /// <summary>Speech offences against the State, such as insulting officials.</summary>
    SpeechOffenceAgainstState,

    /// <summary>Non-violent extremism.</summary>
    NonViolentExtremism,

    /// <summary>Any other offence.</summary>
    Other,
}
