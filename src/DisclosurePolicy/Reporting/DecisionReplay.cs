using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// Re-evaluates recorded requests under another rule version (or under a changed policy) and reports, per record, what
/// would have changed: the overall outcome and each item.
/// </summary>
/// <remarks>
/// <para>Replay evaluates the stored request exactly as <see cref="DisclosureEngine.Evaluate(LegalRequest, RuleVersion)"/>
/// does, so replaying a record under a version equals evaluating its request directly under that version. The replayed
/// decisions are stamped by the engine's clock. Replay records nothing: hand the decisions to a recorder only if they are
/// real decisions.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class DecisionReplay
{
    private readonly DisclosureEngine _engine;

    /// <summary>Initializes a new instance of the <see cref="DecisionReplay"/> class.</summary>
    /// <param name="engine">The engine that re-evaluates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public DecisionReplay(DisclosureEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Replays records under a given version ("what would V2 have said about these V1-era requests?").</summary>
    /// <param name="records">The records.</param>
    /// <param name="version">The version to evaluate under.</param>
    /// <returns>One entry per record, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument or a record is <see langword="null"/>.</exception>
    public ReplayReport Replay(IEnumerable<DecisionRecord> records, RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(version);
        string hash = version.ContentHash;
        return new ReplayReport(
            version.Id,
            records.Select(record => Entry(NotNull(record, nameof(records)), _engine.Evaluate(record.Request, version), hash)));
    }

    /// <summary>Replays records under a version of the engine's policy named by id.</summary>
    /// <param name="records">The records.</param>
    /// <param name="versionId">The version's id, compared without regard to case.</param>
    /// <returns>One entry per record, in order; each a deny with <see cref="ReasonCodes.UnknownVersion"/> when the policy has no such version.</returns>
    /// <exception cref="ArgumentNullException">An argument or a record is <see langword="null"/>.</exception>
    public ReplayReport Replay(IEnumerable<DecisionRecord> records, string versionId)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(versionId);
        RuleVersion? version = _engine.Policy.FindVersion(versionId);
        string? hash = version is null ? null : version.ContentHash;
        return new ReplayReport(
            versionId,
            records.Select(record => Entry(NotNull(record, nameof(records)), _engine.Evaluate(record.Request, versionId), hash)));
    }

    /// <summary>Replays records under the version of the engine's policy in force when each request was received, as after
    /// a change to the policy's definition (compare <see cref="DecisionRecord.VersionContentHash"/> with <see cref="ReplayEntry.AfterVersionContentHash"/>).</summary>
    /// <param name="records">The records.</param>
    /// <returns>One entry per record, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or a record is <see langword="null"/>.</exception>
    public ReplayReport ReplayInForce(IEnumerable<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new ReplayReport(
            $"{_engine.Policy.Id} (version in force on receipt)",
            records.Select(record =>
            {
                NotNull(record, nameof(records));
                RuleVersion? version = _engine.Policy.VersionInForceOn(record.Request.ReceivedOn, record.Request.Jurisdiction);
                Decision after = _engine.Evaluate(record.Request);
                string? hash = version is not null && string.Equals(version.Id, after.VersionId, StringComparison.Ordinal) ? version.ContentHash : null;
                return Entry(record, after, hash);
            }));
    }

    private static DecisionRecord NotNull(DecisionRecord? record, string name)
    {
        ArgumentNullException.ThrowIfNull(record, name);
        return record;
    }

    private static ReplayEntry Entry(DecisionRecord record, Decision after, string? hash) =>
        new(record, after, hash, Changes(record.Decision.Results, after.Results));

    // Items are matched by account, category and occurrence, so a request naming an account twice still pairs up.
    private static List<ItemChange> Changes(IReadOnlyList<ItemResult> before, IReadOnlyList<ItemResult> after)
    {
        var remaining = new Dictionary<(string, DataCategory), Queue<ItemOutcome>>();
        foreach (ItemResult item in after)
        {
            var key = (item.AccountReference, item.Category);
            if (!remaining.TryGetValue(key, out Queue<ItemOutcome>? queue))
            {
                queue = new Queue<ItemOutcome>();
                remaining.Add(key, queue);
            }

            queue.Enqueue(item.Outcome);
        }

        var changes = new List<ItemChange>();
        foreach (ItemResult item in before)
        {
            ItemOutcome? now = remaining.TryGetValue((item.AccountReference, item.Category), out Queue<ItemOutcome>? queue) && queue.Count > 0
                ? queue.Dequeue()
                : null;
            if (now != item.Outcome)
            {
                changes.Add(new ItemChange(item.AccountReference, item.Category, item.Outcome, now));
            }
        }

        foreach (ItemResult item in after)
        {
            if (remaining.TryGetValue((item.AccountReference, item.Category), out Queue<ItemOutcome>? queue) && queue.Count > 0)
            {
                changes.Add(new ItemChange(item.AccountReference, item.Category, null, queue.Dequeue()));
            }
        }

        return changes;
    }
}
