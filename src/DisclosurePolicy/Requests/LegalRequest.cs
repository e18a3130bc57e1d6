using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Requests;

/// <summary>
/// A legal request for user data, described by the facts the host has established: the order, who issued it and where,
/// what it confirms about each named account, how its origin was verified, and which data it asks for.
/// </summary>
/// <remarks>
/// <para>Setting a property never throws on a bad value. Call <see cref="Validate()"/> to get every problem at once;
/// evaluation denies a request that does not validate, citing each problem. Lists are copied once when set.</para>
/// <para>Immutable once initialized and safe to share across threads. Equality compares every fact, lists in order.</para>
/// </remarks>
public sealed class LegalRequest : IEquatable<LegalRequest>
{
    // The arrays behind Subjects and RequestedData, read directly on the evaluation hot path.
    private Subject[]? _subjects;
    private DataCategory[]? _requestedData;

    /// <summary>Gets the host's identifier of the request.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the calendar date the platform received the request; it selects the rule version in force.</summary>
    public required LocalDate ReceivedOn { get; init; }

    /// <summary>Gets the date the order was issued, if known; informational only.</summary>
    public LocalDate? IssuedOn { get; init; }

    /// <summary>Gets the kind of legal instrument.</summary>
    public required InstrumentKind Instrument { get; init; }

    /// <summary>Gets the body that issued the order.</summary>
    public required IssuingAuthority Authority { get; init; }

    /// <summary>Gets the country whose authority issued the order.</summary>
    public required Jurisdiction Jurisdiction { get; init; }

    /// <summary>Gets the kind of proceeding the order was made in.</summary>
    public required ProceedingKind Proceeding { get; init; }

    /// <summary>Gets a value indicating whether the order is genuine, in force and properly transmitted.</summary>
    /// <value>Defaults to <see langword="false"/>, so an unstated validity counts as not valid.</value>
    public bool OrderIsValid { get; init; }

    /// <summary>Gets a value indicating whether the issuer is competent for the case (the "relevant" authority).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IssuerIsRelevant { get; init; }

    /// <summary>Gets who would receive the data.</summary>
    public required RecipientKind Recipient { get; init; }

    /// <summary>Gets how the request arrived and whether its origin was verified.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>Gets a value indicating whether the request asks only for data to be preserved, not disclosed.</summary>
    public bool PreservationOnly { get; init; }

    /// <summary>Gets a value indicating whether the requester claims an emergency.</summary>
    /// <remarks><para>The claim never relaxes a clause; it only adds a denial when no qualifying order stands behind it.</para></remarks>
    public bool EmergencyClaim { get; init; }

    /// <summary>Gets the accounts the order names.</summary>
    public required IReadOnlyList<Subject> Subjects
    {
        get;
        init
        {
            _subjects = value is null ? [] : value.ToArray();
            field = value is null ? [] : Array.AsReadOnly(_subjects);
        }
    }

    /// <summary>Gets the data categories the order asks for.</summary>
    public required IReadOnlyList<DataCategory> RequestedData
    {
        get;
        init
        {
            _requestedData = value is null ? [] : value.ToArray();
            field = value is null ? [] : Array.AsReadOnly(_requestedData);
        }
    }

    /// <summary>Gets the array behind <see cref="Subjects"/> (never to be written).</summary>
    internal Subject[] SubjectArray => _subjects!;

    /// <summary>Gets the array behind <see cref="RequestedData"/> (never to be written).</summary>
    internal DataCategory[] RequestedDataArray => _requestedData!;

    /// <summary>Gets the platform's own legal analysis of the request.</summary>
    /// <value>Defaults to <see cref="Requests.LegalAnalysis.NotPerformed"/>.</value>
    public LegalAnalysis LegalAnalysis { get; init; } = LegalAnalysis.NotPerformed;

    /// <summary>Checks every fact and reports every problem found.</summary>
    /// <returns>A result naming each problem with its field, value and reason; valid when there are none.</returns>
    public ValidationResult Validate() => RequestValidator.Validate(this, null);

    /// <summary>Checks every fact as the engine does on the day of a decision, and reports every problem found.</summary>
    /// <param name="decidedOn">The day of the decision, in the engine's time zone (<see cref="Evaluation.DisclosureEngine.Today"/>).</param>
    /// <returns>A result naming each problem with its field, value and reason; besides <see cref="Validate()"/>'s checks, a
    /// request received after <paramref name="decidedOn"/> is inconsistent input.</returns>
    public ValidationResult Validate(LocalDate decidedOn) => RequestValidator.Validate(this, decidedOn);

    /// <inheritdoc/>
    public bool Equals(LegalRequest? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && ReceivedOn == other.ReceivedOn
        && IssuedOn == other.IssuedOn
        && Instrument == other.Instrument
        && Equals(Authority, other.Authority)
        && Jurisdiction == other.Jurisdiction
        && Proceeding == other.Proceeding
        && OrderIsValid == other.OrderIsValid
        && IssuerIsRelevant == other.IssuerIsRelevant
        && Recipient == other.Recipient
        && Equals(Provenance, other.Provenance)
        && PreservationOnly == other.PreservationOnly
        && EmergencyClaim == other.EmergencyClaim
        && Sequences.Equal(Subjects, other.Subjects)
        && Sequences.Equal(RequestedData, other.RequestedData)
        && Equals(LegalAnalysis, other.LegalAnalysis);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LegalRequest);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Id is null ? 0 : StringComparer.Ordinal.GetHashCode(Id), ReceivedOn, Instrument, Jurisdiction, Subjects.Count, RequestedData.Count);

    /// <summary>Returns the request id, receipt date and instrument.</summary>
    /// <returns>A short description of the request.</returns>
    public override string ToString() => $"{Id} received {IsoDates.Format(ReceivedOn)} ({Instrument}, {Jurisdiction})";
}
