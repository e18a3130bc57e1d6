using NodaTime;

namespace DisclosurePolicy.Tests.Support;

/// <summary>A fixed clock that runs an action the first time it is read: the engine reads the clock while it decides, so
/// the action (a reload of the rules, say) lands exactly between the start and the end of a decision.</summary>
public sealed class ReloadingClock(Instant now) : IClock
{
    private Action? _onFirstRead;

    /// <summary>Arms the clock: the next read runs the action, once.</summary>
    public void OnNextRead(Action action) => _onFirstRead = action;

    public Instant GetCurrentInstant()
    {
        Interlocked.Exchange(ref _onFirstRead, null)?.Invoke();
        return now;
    }
}
