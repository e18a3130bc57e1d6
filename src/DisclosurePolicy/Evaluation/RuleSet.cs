using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// What one evaluation decides under: the policy (overlays already applied) and the zone decision dates are taken in.
/// An engine reads its rule set once per evaluation, so a reload never mixes two rule sets in one decision.
/// </summary>
internal sealed class RuleSet
{
    public RuleSet(Policy policy, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(zone);
        Policy = policy;
        Zone = zone;
    }

    public Policy Policy { get; }

    public DateTimeZone Zone { get; }
}
