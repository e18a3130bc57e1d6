namespace DisclosurePolicy.Evaluation;

/// <summary>
/// Holds the rule set an engine decides under. Replacing it is one reference write, so a reader sees the old rule set
/// or the new one, whole; an engine built with a fixed policy has a source that is never replaced.
/// </summary>
internal sealed class RuleSetSource
{
    private volatile RuleSet _current;

    public RuleSetSource(RuleSet initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    public RuleSet Current => _current;

    public void Replace(RuleSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _current = next;
    }
}
