using NodaTime;

namespace DisclosurePolicy.Tests.Support;

/// <summary>A clock that fails when read, to show that a failure inside evaluation becomes a deny, never an exception.</summary>
public sealed class ThrowingClock : IClock
{
    /// <inheritdoc/>
    public Instant GetCurrentInstant() => throw new InvalidOperationException("The clock is broken.");
}
