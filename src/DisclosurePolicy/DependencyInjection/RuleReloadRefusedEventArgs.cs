namespace DisclosurePolicy;

/// <summary>The problems of a refused reload of <see cref="DisclosurePolicyOptions"/> (see <see cref="RuleReloadStatus.Refused"/>).</summary>
public sealed class RuleReloadRefusedEventArgs : EventArgs
{
    internal RuleReloadRefusedEventArgs(ValidationResult problems) => Problems = problems;

    /// <summary>Gets every problem of the refused options, each with its path.</summary>
    public ValidationResult Problems { get; }
}
