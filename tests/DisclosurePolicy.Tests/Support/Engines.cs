using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Engines over the built-in policy with a fixed clock, so decisions are reproducible.</summary>
public static class Engines
{
    /// <summary>The instant the default engine's clock reads: 2025-02-12 09:30 UTC, in 2025-Q1 and 2025-H1.</summary>
    public static readonly Instant DecidedAt = Instant.FromUtc(2025, 2, 12, 9, 30);

    /// <summary>An engine over the built-in policy whose clock reads <see cref="DecidedAt"/>.</summary>
    public static DisclosureEngine BuiltIn() => At(DecidedAt);

    /// <summary>An engine over the built-in policy whose clock reads <paramref name="now"/>, with decision dates in UTC.</summary>
    public static DisclosureEngine At(Instant now) => new(BuiltInRules.Policy, new FakeClock(now));

    /// <summary>An engine over the built-in policy whose clock reads <paramref name="now"/>, with decision dates in <paramref name="zone"/>.</summary>
    public static DisclosureEngine At(Instant now, DateTimeZone zone) => new(BuiltInRules.Policy, new FakeClock(now), zone);
}
