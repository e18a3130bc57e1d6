using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// The decision on a request: the overall outcome, the version applied, a result for every named account and requested
/// data category, the reasons in clause order, and the obligations placed on the host.
/// </summary>
/// <remarks>
/// <para>Every decision has at least one reason. A decision that permits anything carries exactly one
/// <see cref="ObligationKind.RecordInTransparencyReport"/> obligation.</para>
/// <para>Immutable and safe to share across threads. Equality compares every member, lists in order.</para>
/// </remarks>
public sealed class Decision : IEquatable<Decision>
{
    /// <summary>Initializes a new instance of the <see cref="Decision"/> class.</summary>
    /// <param name="requestId">The request's id (empty when the request had none).</param>
    /// <param name="jurisdiction">The requesting country's code (empty when unknown).</param>
    /// <param name="receivedOn">The date the request was received, when known.</param>
    /// <param name="decidedAt">When the decision was made.</param>
    /// <param name="outcome">The overall outcome.</param>
    /// <param name="versionId">The id of the rule version applied, or <see langword="null"/> when none could be.</param>
    /// <param name="versionCitation">The citation of that version, or <see langword="null"/>.</param>
    /// <param name="results">The result for each account and data category.</param>
    /// <param name="reasons">The reasons, in clause order; at least one.</param>
    /// <param name="obligations">The obligations.</param>
    /// <exception cref="ArgumentNullException">A reference argument other than the version's is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reasons"/> is empty.</exception>
    public Decision(
        string requestId,
        string jurisdiction,
        LocalDate? receivedOn,
        Instant decidedAt,
        DecisionOutcome outcome,
        string? versionId,
        string? versionCitation,
        IEnumerable<ItemResult> results,
        IEnumerable<Reason> reasons,
        IEnumerable<Obligation> obligations)
        : this(
            requestId ?? throw new ArgumentNullException(nameof(requestId)),
            jurisdiction ?? throw new ArgumentNullException(nameof(jurisdiction)),
            receivedOn,
            decidedAt,
            outcome,
            versionId,
            versionCitation,
            (results ?? throw new ArgumentNullException(nameof(results))).ToArray(),
            (reasons ?? throw new ArgumentNullException(nameof(reasons))).ToArray(),
            (obligations ?? throw new ArgumentNullException(nameof(obligations))).ToArray())
    {
    }

    // Takes the arrays as they are: for arrays no one else holds (the public constructor's copies, the engine's own).
    private Decision(
        string requestId,
        string jurisdiction,
        LocalDate? receivedOn,
        Instant decidedAt,
        DecisionOutcome outcome,
        string? versionId,
        string? versionCitation,
        ItemResult[] results,
        Reason[] reasons,
        Obligation[] obligations)
    {
        RequestId = requestId;
        Jurisdiction = jurisdiction;
        ReceivedOn = receivedOn;
        DecidedAt = decidedAt;
        Outcome = outcome;
        VersionId = versionId;
        VersionCitation = versionCitation;
        Results = Array.AsReadOnly(results);
        Reasons = Array.AsReadOnly(reasons);
        Obligations = Array.AsReadOnly(obligations);
        if (Reasons.Count == 0)
        {
            throw new ArgumentException("A decision needs at least one reason.", nameof(reasons));
        }
    }

    /// <summary>A decision over arrays the engine built for it and hands over (not copied again).</summary>
    internal static Decision Owning(
        string requestId,
        string jurisdiction,
        LocalDate? receivedOn,
        Instant decidedAt,
        DecisionOutcome outcome,
        string? versionId,
        string? versionCitation,
        ItemResult[] results,
        Reason[] reasons,
        Obligation[] obligations) =>
        new(requestId, jurisdiction, receivedOn, decidedAt, outcome, versionId, versionCitation, results, reasons, obligations);

    /// <summary>Gets the request's id.</summary>
    public string RequestId { get; }

    /// <summary>Gets the requesting country's ISO 3166-1 alpha-2 code (empty when unknown).</summary>
    public string Jurisdiction { get; }

    /// <summary>Gets the date the request was received, when known.</summary>
    public LocalDate? ReceivedOn { get; }

    /// <summary>Gets when the decision was made, read from the engine's clock.</summary>
    public Instant DecidedAt { get; }

    /// <summary>Gets the overall outcome.</summary>
    public DecisionOutcome Outcome { get; }

    /// <summary>Gets the id of the rule version applied, or <see langword="null"/> when none could be.</summary>
    public string? VersionId { get; }

    /// <summary>Gets the citation of the rule version applied, or <see langword="null"/>.</summary>
    public string? VersionCitation { get; }

    /// <summary>Gets the result for each named account and requested data category, accounts first, in request order.</summary>
    public IReadOnlyList<ItemResult> Results { get; }

    /// <summary>Gets the reasons, in clause order: engine checks, then each clause for the order, each account and each item.</summary>
    public IReadOnlyList<Reason> Reasons { get; }

    /// <summary>Gets the obligations placed on the host.</summary>
    public IReadOnlyList<Obligation> Obligations { get; }

    /// <summary>Gets a value indicating whether anything may be disclosed.</summary>
    public bool IsPermitted => Outcome is DecisionOutcome.MayDisclose or DecisionOutcome.PartiallyPermitted;

    /// <summary>Renders the decision as plain text a reviewer can read against the policy.</summary>
    /// <returns>The outcome, version, per-item results, reasons with their wording and facts, and obligations.</returns>
    public string Explain() => DecisionText.Render(this);

    /// <inheritdoc/>
    public bool Equals(Decision? other) =>
        other is not null
        && RequestId == other.RequestId
        && Jurisdiction == other.Jurisdiction
        && ReceivedOn == other.ReceivedOn
        && DecidedAt == other.DecidedAt
        && Outcome == other.Outcome
        && VersionId == other.VersionId
        && VersionCitation == other.VersionCitation
        && Sequences.Equal(Results, other.Results)
        && Sequences.Equal(Reasons, other.Reasons)
        && Sequences.Equal(Obligations, other.Obligations);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Decision);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RequestId, Outcome, VersionId, DecidedAt, Reasons.Count);

    /// <summary>Returns the request id, outcome and version.</summary>
    /// <returns>A one-line summary; see <see cref="Explain"/> for the full text.</returns>
    public override string ToString() => $"{Printable.Escape(RequestId)}: {Outcome} under {VersionId ?? "no version"}";
}
