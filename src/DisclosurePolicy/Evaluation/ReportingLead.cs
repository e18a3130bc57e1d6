using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// What every transparency-report obligation of one version on one decision date shares: the reporting period and the
/// obligation's text up to the country.
/// </summary>
internal sealed class ReportingLead
{
    private ReportingLead(RuleVersion version, LocalDate date, ReportingPeriod? period, string text)
    {
        Version = version;
        Date = date;
        Period = period;
        Text = text;
    }

    /// <summary>Gets the version whose cadence sets the period.</summary>
    public RuleVersion Version { get; }

    /// <summary>Gets the decision date the period contains.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the reporting period, or <see langword="null"/> when the version sets none.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Gets the obligation's text before the country, such as "Record the disclosure in the quarterly transparency report for 2025-Q1: ".</summary>
    public string Text { get; }

    /// <summary>Computes the period and text for a version and decision date.</summary>
    /// <param name="version">The version.</param>
    /// <param name="date">The decision date.</param>
    /// <returns>The shared part of the obligation.</returns>
    public static ReportingLead For(RuleVersion version, LocalDate date)
    {
        ReportingPeriod? period = version.Cadence == ReportingCadence.None ? null : ReportingPeriod.Containing(date, version.Cadence);
        string cadence = version.Cadence switch
        {
            ReportingCadence.Quarterly => "quarterly ",
            ReportingCadence.SemiAnnual => "semiannual ",
            _ => string.Empty,
        };
        string when = period is null ? "(the version sets no reporting period)" : "for " + period.Label;
        return new ReportingLead(version, date, period, $"Record the disclosure in the {cadence}transparency report {when}: ");
    }

    /// <summary>Tells whether this is the shared part for a version and decision date.</summary>
    /// <param name="version">The version.</param>
    /// <param name="date">The decision date.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Fits(RuleVersion version, LocalDate date) => ReferenceEquals(Version, version) && Date == date;
}
