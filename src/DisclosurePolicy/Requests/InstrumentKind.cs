namespace DisclosurePolicy.Requests;

/// <summary>The kind of legal instrument a request arrives as.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point treats as missing information.</para></remarks>
public enum InstrumentKind
{
    /// <summary>Not stated; an invalid value that evaluation denies.</summary>
    Unspecified = 0,

    /// <summary>A court order in a criminal matter (for example a US §2703(d) order).</summary>
    CourtOrder,

    /// <summary>A search warrant issued by a judge.</summary>
    SearchWarrant,

    /// <summary>A production order made by a court under national law.</summary>
    CourtProductionOrder,

    /// <summary>A European Production Order certificate (EPOC) under Regulation (EU) 2023/1543.</summary>
    EuropeanProductionOrder,

    /// <summary>A European Preservation Order certificate (EPOC-PR) under Regulation (EU) 2023/1543.</summary>
    EuropeanPreservationOrder,

    /// <summary>A request to preserve data (for example US 18 U.S.C. §2703(f)), not to disclose it.</summary>
    PreservationRequest,

    /// <summary>A grand jury subpoena.</summary>
    GrandJurySubpoena,

    /// <summary>An administrative subpoena issued without a judge.</summary>
    AdministrativeSubpoena,

    /// <summary>A subpoena in civil litigation.</summary>
    CivilSubpoena,

    /// <summary>A request from the police or another law-enforcement agency without judicial process.</summary>
    PoliceRequest,

    /// <summary>An order of an administrative authority.</summary>
    AdministrativeOrder,

    /// <summary>A US National Security Letter.</summary>
    NationalSecurityLetter,

    /// <summary>A request from an intelligence service.</summary>
    IntelligenceRequest,

    /// <summary>An emergency disclosure request made without legal process.</summary>
    EmergencyDisclosureRequest,

    /// <summary>A State-to-State request under a mutual legal assistance treaty, before the requested State's own order.</summary>
    MlatRequest,

    /// <summary>An order made by a court in civil proceedings.</summary>
    CivilCourtOrder,

    /// <summary>An informal request with no legal instrument behind it.</summary>
    InformalRequest,
}
