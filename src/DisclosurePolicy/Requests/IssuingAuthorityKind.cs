namespace DisclosurePolicy.Requests;

/// <summary>The kind of body that issued the order.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point treats as missing information.</para></remarks>
public enum IssuingAuthorityKind
{
    /// <summary>Not stated; an invalid value that evaluation denies.</summary>
    Unspecified = 0,

    /// <summary>A court.</summary>
    Court,

    /// <summary>A judge acting alone.</summary>
    Judge,

    /// <summary>An investigating judge (juge d'instruction, Ermittlungsrichter).</summary>
    InvestigatingJudge,

    /// <summary>A public prosecutor; not a judicial authority unless the rules say so.</summary>
    PublicProsecutor,

    /// <summary>A grand jury.</summary>
    GrandJury,

    /// <summary>The police or another law-enforcement agency.</summary>
    PoliceOrLawEnforcementAgency,

    /// <summary>An intelligence or security service.</summary>
    IntelligenceService,

    /// <summary>An administrative authority or regulator.</summary>
    AdministrativeAuthority,

    /// <summary>A central authority transmitting mutual legal assistance.</summary>
    CentralAuthority,

    /// <summary>A private party, such as a litigant or its lawyer.</summary>
    PrivateParty,
}
