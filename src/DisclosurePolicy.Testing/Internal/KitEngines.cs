using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>The engines the kit decides with: a given policy, a clock stopped on a given day, decision dates in UTC.</summary>
internal static class KitEngines
{
    /// <summary>A day after every receipt date a test writes: the kit's generators and checks decide as of it, so no
    /// generated request is refused for arriving after its decision.</summary>
    public static readonly LocalDate FarFuture = new(9999, 12, 30);

    private static readonly DisclosureEngine BuiltInFarFuture = DecidingOn(BuiltInRules.Policy, FarFuture);

    /// <summary>An engine over the built-in policy deciding on <see cref="FarFuture"/>; versions are passed explicitly.</summary>
    public static DisclosureEngine Any => BuiltInFarFuture;

    /// <summary>An engine over a policy whose clock reads noon (UTC) of a day.</summary>
    public static DisclosureEngine DecidingOn(Policy policy, LocalDate day) =>
        new(policy, new FixedClock(day.At(new LocalTime(12, 0)).InUtc().ToInstant()));
}
