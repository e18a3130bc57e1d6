using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary>A clock stopped at one instant: the decision instant a host backfills with <c>record --decided-at</c>.</summary>
internal sealed class FixedClock(Instant at) : IClock
{
    public Instant GetCurrentInstant() => at;
}
