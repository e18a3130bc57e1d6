using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// What was decided on one request and under exactly which rules: the request itself, when it was received, the explained
/// decision, and the content hash of the rule version that decided it.
/// </summary>
/// <remarks>
/// <para>A record holds everything replay needs (the request in the documented request format) and everything an auditor
/// asks for (the version's id, citation and <see cref="RuleVersionHash">content hash</see>, the outcome, the result per
/// account and data category, every reason and every obligation). Its JSON form is versioned and documented in
/// <c>docs/record-format.md</c> and round-trips without loss (<see cref="Serialization.DecisionRecordJson"/>).</para>
/// <para><b>The same decision.</b> Recorders are idempotent by request id: recording a record that
/// <see cref="IsSameDecisionAs">is the same decision</see> as the stored one changes nothing. Two records are the same
/// decision when everything but <see cref="DecidedAt"/> is equal: the request, its receipt instant, the version and its
/// hash, the outcome, the results, the reasons and the obligations (whose report entry names the reporting period, so a
/// re-evaluation that lands in another period is a different decision). A host that retries after a crash therefore
/// gets the first record back unchanged rather than an error.</para>
/// <para>Immutable and safe to share across threads. Equality compares every member, <see cref="DecidedAt"/> included.</para>
/// </remarks>
public sealed class DecisionRecord : IEquatable<DecisionRecord>
{
    private DecisionRecord(LegalRequest request, Instant receivedAt, Decision decision, string? versionContentHash, ReportingCadence versionCadence)
    {
        Request = request;
        ReceivedAt = receivedAt;
        Decision = decision;
        VersionContentHash = versionContentHash;
        VersionCadence = versionCadence;
    }

    /// <summary>Gets the request's id, by which recorders keep records (compared ordinally).</summary>
    public string RequestId => Request.Id;

    /// <summary>Gets the request that was decided.</summary>
    public LegalRequest Request { get; }

    /// <summary>Gets the instant the platform received the request, as the host recorded it.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>Gets the instant the decision was made.</summary>
    public Instant DecidedAt => Decision.DecidedAt;

    /// <summary>Gets the requesting country's ISO 3166-1 alpha-2 code, as the decision names it.</summary>
    public string Jurisdiction => Decision.Jurisdiction;

    /// <summary>Gets the explained decision.</summary>
    public Decision Decision { get; }

    /// <summary>Gets the overall outcome.</summary>
    public DecisionOutcome Outcome => Decision.Outcome;

    /// <summary>Gets the id of the version that decided, or <see langword="null"/> when none could be applied.</summary>
    public string? VersionId => Decision.VersionId;

    /// <summary>Gets the <see cref="RuleVersionHash"/> of the version that decided, or <see langword="null"/> when none could be applied.</summary>
    public string? VersionContentHash { get; }

    /// <summary>Gets the reporting cadence of the version that decided; <see cref="ReportingCadence.None"/> when none was applied.</summary>
    public ReportingCadence VersionCadence { get; }

    /// <summary>Gets the instrument kind of the request, for the internal breakdown of reports.</summary>
    public InstrumentKind Instrument => Request.Instrument;

    /// <summary>Decides a request with an engine and creates the record of the decision, pinned to the version that made it.</summary>
    /// <param name="engine">The engine; its rules may reload at any time.</param>
    /// <param name="request">The request to decide.</param>
    /// <param name="receivedAt">The instant the platform received it.</param>
    /// <returns>The record of <see cref="DisclosureEngine.Evaluate(LegalRequest)"/>'s decision.</returns>
    /// <remarks><para>The decision and the version come from the same rules even while they reload. Deciding with
    /// <see cref="DisclosureEngine.Evaluate(LegalRequest)"/> and then looking the version up in
    /// <see cref="DisclosureEngine.Policy"/> does not: a reload in between pairs the decision with the version of the same
    /// id in the new rules, whose content hash names other rules (or with no version at all).</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The record would be inconsistent or could not be stored without loss, as for
    /// <see cref="Create"/> (for example, a request received after the instant of the decision).</exception>
    public static DecisionRecord Decide(DisclosureEngine engine, LegalRequest request, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        Decision decision = engine.Evaluate(request, out RuleVersion? version);
        return Create(request, receivedAt, decision, version);
    }

    /// <summary>Creates a record of a decision on a request.</summary>
    /// <param name="request">The request that was decided.</param>
    /// <param name="receivedAt">The instant the platform received it.</param>
    /// <param name="decision">The decision the engine returned for it.</param>
    /// <param name="version">The version that decided (the one <see cref="Decision.VersionId"/> names), or
    /// <see langword="null"/> when the decision names none.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="decision"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The record would be inconsistent or could not be stored without loss; the
    /// message lists every problem: a blank request id, a decision about another request (id, jurisdiction or receipt
    /// date), a decision without an outcome, a version that is not the one the decision names, a decision made before the request was received, or a
    /// request that the documented request format cannot hold (for example an <c>Unspecified</c> enum member).</exception>
    public static DecisionRecord Create(LegalRequest request, Instant receivedAt, Decision decision, RuleVersion? version) =>
        TryCreate(request, receivedAt, decision, version, out string? problem) ?? throw new ArgumentException(problem, nameof(decision));

    /// <summary>Creates a record of a decision on a request, or says in one plain sentence why it cannot be recorded:
    /// the same checks as <see cref="Create"/>, for callers that show the reason to people.</summary>
    /// <param name="request">The request that was decided.</param>
    /// <param name="receivedAt">The instant the platform received it.</param>
    /// <param name="decision">The decision the engine returned for it.</param>
    /// <param name="version">The version that decided (the one <see cref="Decision.VersionId"/> names), or
    /// <see langword="null"/> when the decision names none.</param>
    /// <param name="problem">When the decision cannot be recorded, a sentence naming the request and every problem;
    /// otherwise <see langword="null"/>.</param>
    /// <returns>The record, or <see langword="null"/> when it cannot be recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="decision"/> is <see langword="null"/>.</exception>
    public static DecisionRecord? TryCreate(LegalRequest request, Instant receivedAt, Decision decision, RuleVersion? version, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        problem = null;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            problems.Add("the request has no id; records are kept by request id");
        }
        else if (!string.Equals(request.Id, decision.RequestId, StringComparison.Ordinal))
        {
            problems.Add($"the decision is about request '{decision.RequestId}', not '{request.Id}'");
        }

        if (!string.Equals(request.Jurisdiction.Code, decision.Jurisdiction, StringComparison.Ordinal))
        {
            problems.Add($"the decision names jurisdiction '{decision.Jurisdiction}', the request '{request.Jurisdiction.Code}'");
        }

        if (decision.ReceivedOn is LocalDate on && on != request.ReceivedOn)
        {
            problems.Add($"the decision names receipt date {IsoDates.Format(on)}, the request {IsoDates.Format(request.ReceivedOn)}");
        }

        if (!Enum.IsDefined(decision.Outcome) || decision.Outcome == DecisionOutcome.Unspecified)
        {
            problems.Add($"the decision has no outcome ('{decision.Outcome}')");
        }

        if (decision.DecidedAt < receivedAt)
        {
            problems.Add($"the decision ({decision.DecidedAt}) precedes the receipt of the request ({receivedAt})");
        }

        if (version is null && decision.VersionId is not null)
        {
            problems.Add($"the decision was made under version '{decision.VersionId}', but no version was given to hash");
        }
        else if (version is not null && (!string.Equals(version.Id, decision.VersionId, StringComparison.Ordinal)
            || !string.Equals(version.Citation, decision.VersionCitation, StringComparison.Ordinal)))
        {
            problems.Add($"the version given ('{version.Id}', {version.Citation}) is not the one the decision names ('{decision.VersionId ?? "none"}', {decision.VersionCitation ?? "none"})");
        }

        problems.AddRange(RequestJson.FormatProblems(request, "request").Select(p => $"the request format cannot hold it: {p}"));
        if (problems.Count > 0)
        {
            problem = $"The decision on request '{request.Id}' cannot be recorded: {string.Join("; ", problems)}.";
            return null;
        }

        return new DecisionRecord(
            request,
            receivedAt,
            decision,
            version is null ? null : version.ContentHash,
            version?.Cadence ?? ReportingCadence.None);
    }

    /// <summary>Returns whether another record is the same decision on the same request: equal in everything but <see cref="DecidedAt"/>.</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> when re-recording <paramref name="other"/> over this record would change nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsSameDecisionAs(DecisionRecord other) => DifferencesFrom(other).Count == 0;

    /// <summary>Lists the members in which another record differs from this one, <see cref="DecidedAt"/> aside.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>The names of the differing members (such as <c>outcome</c>, <c>version</c>, <c>reasons</c>), in record order; empty when they are the same decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> DifferencesFrom(DecisionRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        Decision a = Decision;
        Decision b = other.Decision;
        Check(differences, "requestId", string.Equals(RequestId, other.RequestId, StringComparison.Ordinal));
        Check(differences, "receivedAt", ReceivedAt == other.ReceivedAt);
        Check(differences, "jurisdiction", string.Equals(a.Jurisdiction, b.Jurisdiction, StringComparison.Ordinal));
        Check(differences, "receivedOn", a.ReceivedOn == b.ReceivedOn);
        Check(differences, "version", string.Equals(a.VersionId, b.VersionId, StringComparison.Ordinal)
            && string.Equals(a.VersionCitation, b.VersionCitation, StringComparison.Ordinal)
            && string.Equals(VersionContentHash, other.VersionContentHash, StringComparison.Ordinal)
            && VersionCadence == other.VersionCadence);
        Check(differences, "outcome", a.Outcome == b.Outcome);
        Check(differences, "results", Sequences.Equal(a.Results, b.Results));
        Check(differences, "reasons", Sequences.Equal(a.Reasons, b.Reasons));
        Check(differences, "obligations", Sequences.Equal(a.Obligations, b.Obligations));
        Check(differences, "request", Request.Equals(other.Request));
        return differences;
    }

    /// <inheritdoc/>
    public bool Equals(DecisionRecord? other) =>
        other is not null && DecidedAt == other.DecidedAt && DifferencesFrom(other).Count == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DecisionRecord);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(RequestId), DecidedAt, Outcome, VersionContentHash);

    /// <summary>Returns the request id, outcome, version and decision instant.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => $"{RequestId}: {Outcome} under {VersionId ?? "no version"} at {DecidedAt}";

    internal static DecisionRecord FromParts(LegalRequest request, Instant receivedAt, Decision decision, string? versionContentHash, ReportingCadence versionCadence) =>
        new(request, receivedAt, decision, versionContentHash, versionCadence);

    private static void Check(List<string> differences, string member, bool equal)
    {
        if (!equal)
        {
            differences.Add(member);
        }
    }
}
