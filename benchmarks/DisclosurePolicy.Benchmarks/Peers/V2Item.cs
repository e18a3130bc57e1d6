using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>
/// The facts of one account and one data item, flattened into the plain object a general-purpose rules engine or an
/// authorization handler evaluates (RulesEngine's input, ASP.NET Core authorization's resource).
/// </summary>
/// <remarks><para>Public with public properties: RulesEngine compiles its expressions against the type.</para></remarks>
public sealed class V2Item
{
    /// <summary>Initializes a new instance of the <see cref="V2Item"/> class.</summary>
    /// <param name="request">The request.</param>
    /// <param name="subject">One of its subjects.</param>
    /// <param name="category">One of its requested data categories.</param>
    public V2Item(LegalRequest request, Subject subject, DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        Instrument = request.Instrument;
        Authority = request.Authority.Kind;
        OrderIsValid = request.OrderIsValid;
        IssuerIsRelevant = request.IssuerIsRelevant;
        Recipient = request.Recipient;
        Verification = request.Provenance.Verification;
        Proceeding = request.Proceeding;
        PreservationOnly = request.PreservationOnly;
        EmergencyClaim = request.EmergencyClaim;
        Analysis = request.LegalAnalysis.Outcome;
        Status = subject.Status;
        Offences = subject.Offences;
        Category = category;
    }

    /// <summary>Gets the instrument kind.</summary>
    public InstrumentKind Instrument { get; }

    /// <summary>Gets the issuing authority's kind.</summary>
    public IssuingAuthorityKind Authority { get; }

    /// <summary>Gets a value indicating whether the order is valid.</summary>
    public bool OrderIsValid { get; }

    /// <summary>Gets a value indicating whether the issuer is relevant for the case.</summary>
    public bool IssuerIsRelevant { get; }

    /// <summary>Gets the recipient kind.</summary>
    public RecipientKind Recipient { get; }

    /// <summary>Gets how the origin was verified.</summary>
    public OriginVerification Verification { get; }

    /// <summary>Gets the proceeding kind.</summary>
    public ProceedingKind Proceeding { get; }

    /// <summary>Gets a value indicating whether only preservation is asked for.</summary>
    public bool PreservationOnly { get; }

    /// <summary>Gets a value indicating whether an emergency is claimed.</summary>
    public bool EmergencyClaim { get; }

    /// <summary>Gets the legal analysis outcome.</summary>
    public LegalAnalysisOutcome Analysis { get; }

    /// <summary>Gets the subject's status as the order confirms it.</summary>
    public SubjectStatus Status { get; }

    /// <summary>Gets the offence categories of the subject's case.</summary>
    public IReadOnlyList<OffenceCategory> Offences { get; }

    /// <summary>Gets the requested data category.</summary>
    public DataCategory Category { get; }
}
