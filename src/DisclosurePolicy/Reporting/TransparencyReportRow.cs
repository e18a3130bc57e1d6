using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// The figures of one requesting country in one period: what the platform publishes (fulfilled requests, affected users)
/// and the internal breakdown it keeps (every decision by outcome, denials by reason, requests by instrument kind).
/// </summary>
/// <remarks>
/// <para>Published figures count disclosures, not permissions: <see cref="FulfilledRequests"/> counts requests with at
/// least one item actually disclosed, and <see cref="AffectedUsers"/> counts distinct accounts with at least one disclosed
/// item among them. A permitted request never acted on is counted only in <see cref="PermittedNotDisclosed"/>; a denied,
/// pending or not-applicable request is never published. Affected users
/// can be fewer than fulfilled requests when several requests name the same account; nothing enforces the opposite.</para>
/// <para>Every decision falls in exactly one outcome bucket, so <see cref="MayDisclose"/>, <see cref="PartiallyPermitted"/>,
/// <see cref="PendingLegalAnalysis"/>, <see cref="Denied"/> and <see cref="NotApplicable"/> add up to <see cref="Received"/>.
/// <see cref="DeniedByReason"/> counts each denied request once per distinct deny code it cites, so those counts overlap.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class TransparencyReportRow
{
    /// <summary>Initializes a new instance of the <see cref="TransparencyReportRow"/> class.</summary>
    /// <param name="country">The requesting country's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="fulfilledRequests">Requests with at least one disclosed item.</param>
    /// <param name="affectedUsers">The distinct accounts with at least one disclosed item.</param>
    /// <param name="permittedNotDisclosed">Requests whose decision permitted something that was never disclosed.</param>
    /// <param name="mayDisclose">Decisions that permitted every item.</param>
    /// <param name="partiallyPermitted">Decisions that permitted some items.</param>
    /// <param name="pendingLegalAnalysis">Decisions waiting for the legal analysis.</param>
    /// <param name="denied">Decisions that permitted nothing.</param>
    /// <param name="notApplicable">Decisions outside the rule (such as preservation only).</param>
    /// <param name="deniedByReason">Denied requests per reason code.</param>
    /// <param name="byInstrument">Requests per instrument kind.</param>
    /// <exception cref="ArgumentNullException">A reference argument is <see langword="null"/>.</exception>
    public TransparencyReportRow(
        string country,
        ReportingPeriod period,
        int fulfilledRequests,
        int affectedUsers,
        int permittedNotDisclosed,
        int mayDisclose,
        int partiallyPermitted,
        int pendingLegalAnalysis,
        int denied,
        int notApplicable,
        IEnumerable<ReasonCount> deniedByReason,
        IEnumerable<InstrumentCount> byInstrument)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(deniedByReason);
        ArgumentNullException.ThrowIfNull(byInstrument);
        Country = country;
        Period = period;
        FulfilledRequests = fulfilledRequests;
        AffectedUsers = affectedUsers;
        PermittedNotDisclosed = permittedNotDisclosed;
        MayDisclose = mayDisclose;
        PartiallyPermitted = partiallyPermitted;
        PendingLegalAnalysis = pendingLegalAnalysis;
        Denied = denied;
        NotApplicable = notApplicable;
        DeniedByReason = Array.AsReadOnly(deniedByReason.ToArray());
        ByInstrument = Array.AsReadOnly(byInstrument.ToArray());
    }

    /// <summary>Gets the requesting country's ISO 3166-1 alpha-2 code (as the request gave it).</summary>
    public string Country { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the published number of fulfilled requests: requests with at least one item disclosed.</summary>
    public int FulfilledRequests { get; }

    /// <summary>Gets the published number of affected users: distinct accounts with at least one disclosed item.</summary>
    public int AffectedUsers { get; }

    /// <summary>Gets the number of requests whose decision permitted something that was never disclosed (internal only).</summary>
    public int PermittedNotDisclosed { get; }

    /// <summary>Gets the number of decisions in the period, whatever their outcome.</summary>
    public int Received => MayDisclose + PartiallyPermitted + PendingLegalAnalysis + Denied + NotApplicable;

    /// <summary>Gets the number of decisions that permitted every item.</summary>
    public int MayDisclose { get; }

    /// <summary>Gets the number of decisions that permitted some items.</summary>
    public int PartiallyPermitted { get; }

    /// <summary>Gets the number of decisions waiting for the legal analysis.</summary>
    public int PendingLegalAnalysis { get; }

    /// <summary>Gets the number of decisions that permitted nothing.</summary>
    public int Denied { get; }

    /// <summary>Gets the number of decisions outside the rule, such as preservation-only requests.</summary>
    public int NotApplicable { get; }

    /// <summary>Gets the denied requests per deny reason code, most frequent first, then by code.</summary>
    public IReadOnlyList<ReasonCount> DeniedByReason { get; }

    /// <summary>Gets the requests per instrument kind, in enum order.</summary>
    public IReadOnlyList<InstrumentCount> ByInstrument { get; }

    /// <summary>Returns the country, period and published figures.</summary>
    /// <returns>For example <c>DE 2025-Q1: 3 fulfilled request(s), 4 affected user(s)</c>.</returns>
    public override string ToString() => $"{Country} {Period}: {FulfilledRequests} fulfilled request(s), {AffectedUsers} affected user(s)";
}
