using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Testing;

/// <summary>
/// One case of a declarative suite: a request, optionally the version that must decide it and the instant it is decided
/// at, and what the decision is expected to say.
/// </summary>
/// <remarks>
/// <para>Without <see cref="VersionId"/>, the version is chosen as the engine chooses it, by the receipt date (and the
/// issuing country, where a localized variant applies). Without <see cref="DecidedAt"/>, the case is decided at noon (UTC)
/// of the day the request was received, so a case decides alike on every day it is run.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class DecisionCase
{
    /// <summary>Initializes a new instance of the <see cref="DecisionCase"/> class.</summary>
    /// <param name="name">The case's name, unique within its suite; test runners show it.</param>
    /// <param name="request">The request.</param>
    /// <param name="versionId">The id of the version that must decide, or <see langword="null"/> for the one in force.</param>
    /// <param name="decidedAt">The decision instant, or <see langword="null"/> for noon (UTC) of the receipt date.</param>
    /// <param name="expected">What the decision must say.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="request"/> or <paramref name="expected"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public DecisionCase(string name, LegalRequest request, string? versionId, Instant? decidedAt, ExpectedDecision expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(expected);
        Name = name;
        Request = request;
        VersionId = versionId;
        DecidedAt = decidedAt;
        Expected = expected;
    }

    /// <summary>Gets the case's name.</summary>
    public string Name { get; }

    /// <summary>Gets the request.</summary>
    public LegalRequest Request { get; }

    /// <summary>Gets the id of the version that must decide, or <see langword="null"/> for the one in force.</summary>
    public string? VersionId { get; }

    /// <summary>Gets the decision instant, or <see langword="null"/> for noon (UTC) of the receipt date.</summary>
    public Instant? DecidedAt { get; }

    /// <summary>Gets what the decision must say.</summary>
    public ExpectedDecision Expected { get; }

    /// <summary>Gets the instant the case is decided at: <see cref="DecidedAt"/>, or noon (UTC) of the receipt date.</summary>
    public Instant DecisionInstant => DecidedAt ?? Request.ReceivedOn.At(new LocalTime(12, 0)).InUtc().ToInstant();

    /// <summary>Returns the case's name, which test runners show for a case passed as test data.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
