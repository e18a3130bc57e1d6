namespace DisclosurePolicy.Rules;

/// <summary>A fact about a request that a clause's condition can look at.</summary>
/// <remarks>
/// <para>Facts come at three levels: the order (the same for every account and data item), the subject (one per named
/// account) and the data item (one per requested category). A clause's reason is reported once per order, per account or
/// per account and item, following the finest level its condition looks at.</para>
/// </remarks>
public enum Fact
{
    /// <summary>Not a fact; invalid.</summary>
    Unspecified = 0,

    /// <summary>The instrument kind (<see cref="Requests.InstrumentKind"/>); order level.</summary>
    Instrument,

    /// <summary>The issuing authority's kind (<see cref="Requests.IssuingAuthorityKind"/>); order level.</summary>
    AuthorityKind,

    /// <summary>The issuing jurisdiction's ISO 3166-1 alpha-2 code; order level.</summary>
    Jurisdiction,

    /// <summary>Whether the issuing jurisdiction is an EU member state; order level.</summary>
    EuMemberState,

    /// <summary>The proceeding kind (<see cref="Requests.ProceedingKind"/>); order level.</summary>
    Proceeding,

    /// <summary>Whether the order is valid as stated by the host; order level.</summary>
    OrderValid,

    /// <summary>Whether the issuer is relevant (competent) for the case; order level.</summary>
    IssuerRelevant,

    /// <summary>The recipient kind (<see cref="Requests.RecipientKind"/>); order level.</summary>
    Recipient,

    /// <summary>How the request's origin was verified (<see cref="Requests.OriginVerification"/>); order level.</summary>
    OriginVerification,

    /// <summary>Whether only preservation is asked for; order level.</summary>
    PreservationOnly,

    /// <summary>Whether an emergency is claimed; order level.</summary>
    EmergencyClaim,

    /// <summary>The outcome of the platform's legal analysis (<see cref="Requests.LegalAnalysisOutcome"/>); order level.</summary>
    LegalAnalysis,

    /// <summary>The subject's status as the order confirms it (<see cref="Requests.SubjectStatus"/>); subject level.</summary>
    SubjectStatus,

    /// <summary>The offence categories of the subject's case, a set (<see cref="Requests.OffenceCategory"/>); subject level.</summary>
    Offences,

    /// <summary>The Terms-of-Service items those offences violate under the version's catalogue, a set (<see cref="TosItem"/>); subject level.</summary>
    TosItems,

    /// <summary>The requested data category (<see cref="Requests.DataCategory"/>); data-item level.</summary>
    DataCategory,
}
