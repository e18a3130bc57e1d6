using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>What one permitted decision adds to the transparency report, in the form the platform publishes.</summary>
/// <remarks>
/// <para>A report counts fulfilled requests "for IP address and/or phone number" and affected users per country and
/// period. A request counts once; each account with at least one permitted item counts as an affected user.</para>
/// <para>Immutable and safe to share across threads. Equality compares every member.</para>
/// </remarks>
public sealed record TransparencyReportEntry
{
    /// <summary>Initializes a new instance of the <see cref="TransparencyReportEntry"/> class.</summary>
    /// <param name="country">The requesting country's ISO 3166-1 alpha-2 code.</param>
    /// <param name="cadence">The reporting cadence of the version that decided.</param>
    /// <param name="period">The period the entry falls in, or <see langword="null"/> when the cadence is <see cref="ReportingCadence.None"/>.</param>
    /// <param name="affectedUsers">The number of accounts with at least one permitted item.</param>
    /// <param name="citation">The clause the disclosure was made under.</param>
    /// <exception cref="ArgumentNullException"><paramref name="country"/> or <paramref name="citation"/> is <see langword="null"/>.</exception>
    public TransparencyReportEntry(string country, ReportingCadence cadence, ReportingPeriod? period, int affectedUsers, string citation)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(citation);
        Country = country;
        Cadence = cadence;
        Period = period;
        AffectedUsers = affectedUsers;
        Citation = citation;
    }

    /// <summary>Gets the requesting country's ISO 3166-1 alpha-2 code.</summary>
    public string Country { get; }

    /// <summary>Gets the reporting cadence of the version that decided.</summary>
    public ReportingCadence Cadence { get; }

    /// <summary>Gets the period the entry falls in: the one containing the decision date; <see langword="null"/> without a cadence.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Gets the number of fulfilled requests the entry adds: always one.</summary>
    public int FulfilledRequests { get; } = 1;

    /// <summary>Gets the number of accounts with at least one permitted item.</summary>
    public int AffectedUsers { get; }

    /// <summary>Gets the clause the disclosure was made under.</summary>
    public string Citation { get; }
}
