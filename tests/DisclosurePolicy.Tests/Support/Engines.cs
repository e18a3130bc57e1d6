using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Tests.Support;

public static class Engines
{
    public static readonly Instant DecidedAt = Instant.FromUtc(2025, 2, 12, 9, 30);

    public static DisclosureEngine BuiltIn() => new(BuiltInRules.Policy, new FakeClock(DecidedAt));
}
