using NodaTime;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>A clock stopped at one instant: the kit never reads the wall clock, so every run decides alike.</summary>
internal sealed class FixedClock(Instant at) : IClock
{
    public Instant GetCurrentInstant() => at;
}
