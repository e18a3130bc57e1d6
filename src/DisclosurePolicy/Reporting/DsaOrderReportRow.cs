using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// The DSA Article 15(1)(a) figures of one issuing Member State, period and offence category: the orders received, the
/// median time from receipt to informing the authority and to giving effect (disclosure), and how many were refused or
/// closed without effect.
/// </summary>
/// <remarks>
/// <para>The offence categories of the case stand in for Article 15's "type of illegal content"; an order whose case names
/// several categories is counted under each. Medians are over the orders that were acknowledged (respectively given effect);
/// with an even number, the mean of the two middle durations; <see langword="null"/> when there is none.</para>
/// <para><see cref="Refused"/> counts orders whose decision permitted nothing (denied or not applicable);
/// <see cref="ClosedWithoutEffect"/> counts orders closed without disclosure after a decision that permitted something;
/// <see cref="GivenEffect"/> counts orders with at least one item disclosed. The rest are still open.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class DsaOrderReportRow
{
    /// <summary>Initializes a new instance of the <see cref="DsaOrderReportRow"/> class.</summary>
    /// <param name="memberState">The issuing Member State's ISO 3166-1 alpha-2 code.</param>
    /// <param name="period">The period of the receipt dates.</param>
    /// <param name="offence">The offence category.</param>
    /// <param name="received">The orders received.</param>
    /// <param name="acknowledged">The orders whose receipt was acknowledged to the authority.</param>
    /// <param name="medianTimeToAcknowledge">The median time from receipt to acknowledgement, or <see langword="null"/>.</param>
    /// <param name="givenEffect">The orders with at least one item disclosed.</param>
    /// <param name="medianTimeToEffect">The median time from receipt to the first disclosure, or <see langword="null"/>.</param>
    /// <param name="refused">The orders whose decision permitted nothing.</param>
    /// <param name="closedWithoutEffect">The permitted orders closed without disclosure.</param>
    /// <exception cref="ArgumentNullException">A reference argument is <see langword="null"/>.</exception>
    public DsaOrderReportRow(
        string memberState,
        ReportingPeriod period,
        OffenceCategory offence,
        int received,
        int acknowledged,
        Duration? medianTimeToAcknowledge,
        int givenEffect,
        Duration? medianTimeToEffect,
        int refused,
        int closedWithoutEffect)
    {
        ArgumentNullException.ThrowIfNull(memberState);
        ArgumentNullException.ThrowIfNull(period);
        MemberState = memberState;
        Period = period;
        Offence = offence;
        Received = received;
        Acknowledged = acknowledged;
        MedianTimeToAcknowledge = medianTimeToAcknowledge;
        GivenEffect = givenEffect;
        MedianTimeToEffect = medianTimeToEffect;
        Refused = refused;
        ClosedWithoutEffect = closedWithoutEffect;
    }

    /// <summary>Gets the issuing Member State's ISO 3166-1 alpha-2 code.</summary>
    public string MemberState { get; }

    /// <summary>Gets the period of the receipt dates.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the offence category, standing in for the type of illegal content.</summary>
    public OffenceCategory Offence { get; }

    /// <summary>Gets the number of orders received.</summary>
    public int Received { get; }

    /// <summary>Gets the number of orders whose receipt was acknowledged to the authority.</summary>
    public int Acknowledged { get; }

    /// <summary>Gets the median time from receipt to acknowledgement, or <see langword="null"/> when none was acknowledged.</summary>
    public Duration? MedianTimeToAcknowledge { get; }

    /// <summary>Gets the number of orders given effect: at least one item disclosed.</summary>
    public int GivenEffect { get; }

    /// <summary>Gets the median time from receipt to the first disclosure, or <see langword="null"/> when none was given effect.</summary>
    public Duration? MedianTimeToEffect { get; }

    /// <summary>Gets the number of orders whose decision permitted nothing (denied or not applicable).</summary>
    public int Refused { get; }

    /// <summary>Gets the number of permitted orders closed without disclosure.</summary>
    public int ClosedWithoutEffect { get; }

    /// <summary>Returns the Member State, period, offence and the number of orders.</summary>
    /// <returns>For example <c>DE 2023-H1 Terrorism: 1 order(s)</c>.</returns>
    public override string ToString() => $"{MemberState} {Period} {Offence}: {Received} order(s)";
}
