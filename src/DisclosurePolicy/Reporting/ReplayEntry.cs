using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Reporting;

/// <summary>One recorded decision replayed under another rule version: the recorded decision, the new one, and what changed.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ReplayEntry
{
    /// <summary>Initializes a new instance of the <see cref="ReplayEntry"/> class.</summary>
    /// <param name="record">The recorded decision.</param>
    /// <param name="after">The decision on replay.</param>
    /// <param name="afterVersionContentHash">The <see cref="RuleVersionHash"/> of the version that decided on replay, or <see langword="null"/>.</param>
    /// <param name="itemChanges">The items whose outcome changed.</param>
    /// <exception cref="ArgumentNullException">A reference argument other than the hash is <see langword="null"/>.</exception>
    public ReplayEntry(DecisionRecord record, Decision after, string? afterVersionContentHash, IEnumerable<ItemChange> itemChanges)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(itemChanges);
        Record = record;
        After = after;
        AfterVersionContentHash = afterVersionContentHash;
        ItemChanges = Array.AsReadOnly(itemChanges.ToArray());
    }

    /// <summary>Gets the request id.</summary>
    public string RequestId => Record.RequestId;

    /// <summary>Gets the recorded decision.</summary>
    public DecisionRecord Record { get; }

    /// <summary>Gets the decision on replay.</summary>
    public Decision After { get; }

    /// <summary>Gets the content hash of the version that decided on replay, or <see langword="null"/> when none could be applied.</summary>
    public string? AfterVersionContentHash { get; }

    /// <summary>Gets the recorded outcome.</summary>
    public DecisionOutcome OutcomeBefore => Record.Outcome;

    /// <summary>Gets the outcome on replay.</summary>
    public DecisionOutcome OutcomeAfter => After.Outcome;

    /// <summary>Gets a value indicating whether the overall outcome changed.</summary>
    public bool OutcomeChanged => OutcomeBefore != OutcomeAfter;

    /// <summary>Gets a value indicating whether the request would now count differently in the published report (fulfilled before and not after, or the reverse).</summary>
    public bool FulfilmentChanged => Record.Decision.IsPermitted != After.IsPermitted;

    /// <summary>Gets the items whose outcome changed, in the order of the recorded results, then any new ones.</summary>
    public IReadOnlyList<ItemChange> ItemChanges { get; }

    /// <summary>Gets a value indicating whether anything a host acts on changed: the overall outcome or any item.</summary>
    public bool Changed => OutcomeChanged || ItemChanges.Count > 0;

    /// <summary>Returns the change on one line.</summary>
    /// <returns>For example <c>REQ-1: Deny (V1) -> MayDisclose (V2), 2 item(s) changed</c>.</returns>
    public override string ToString() =>
        $"{RequestId}: {OutcomeBefore} ({Record.VersionId ?? "no version"}) -> {OutcomeAfter} ({After.VersionId ?? "no version"}), {ItemChanges.Count} item(s) changed";
}
