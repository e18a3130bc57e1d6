using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// What one evaluation decides under: the policy (overlays already applied) and the zone decision dates are taken in.
/// An engine reads its rule set once per evaluation, so a reload never mixes two rule sets in one decision.
/// </summary>
internal sealed class RuleSet
{
    private ReportingLead? _lastLead;

    public RuleSet(Policy policy, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(zone);
        Policy = policy;
        Zone = zone;
    }

    public Policy Policy { get; }

    public DateTimeZone Zone { get; }

    /// <summary>
    /// Gets the reporting period and obligation text for a version's decisions on a date, reusing the last ones computed:
    /// the decisions of a day under one version all share them.
    /// </summary>
    /// <param name="version">The version.</param>
    /// <param name="date">The decision date, in <see cref="Zone"/>.</param>
    /// <returns>The shared part of the transparency-report obligation.</returns>
    public ReportingLead LeadFor(RuleVersion version, LocalDate date)
    {
        // Immutable and replaced whole, so a reader on another thread sees either the old lead or the new one.
        ReportingLead? last = Volatile.Read(ref _lastLead);
        if (last is not null && last.Fits(version, date))
        {
            return last;
        }

        ReportingLead lead = ReportingLead.For(version, date);
        Volatile.Write(ref _lastLead, lead);
        return lead;
    }
}
