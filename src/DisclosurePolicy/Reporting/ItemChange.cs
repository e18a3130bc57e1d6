using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Reporting;

/// <summary>How the outcome of one account's data item changed on replay.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares every member.</para></remarks>
public sealed record ItemChange
{
    /// <summary>Initializes a new instance of the <see cref="ItemChange"/> class.</summary>
    /// <param name="accountReference">The account.</param>
    /// <param name="category">The data category.</param>
    /// <param name="before">The recorded outcome, or <see langword="null"/> when the recorded decision had no result for the item.</param>
    /// <param name="after">The replayed outcome, or <see langword="null"/> when the replayed decision has no result for the item.</param>
    /// <exception cref="ArgumentNullException"><paramref name="accountReference"/> is <see langword="null"/>.</exception>
    public ItemChange(string accountReference, DataCategory category, ItemOutcome? before, ItemOutcome? after)
    {
        ArgumentNullException.ThrowIfNull(accountReference);
        AccountReference = accountReference;
        Category = category;
        Before = before;
        After = after;
    }

    /// <summary>Gets the account.</summary>
    public string AccountReference { get; }

    /// <summary>Gets the data category.</summary>
    public DataCategory Category { get; }

    /// <summary>Gets the recorded outcome, or <see langword="null"/> when the recorded decision had no result for the item.</summary>
    public ItemOutcome? Before { get; }

    /// <summary>Gets the replayed outcome, or <see langword="null"/> when the replayed decision has no result for the item.</summary>
    public ItemOutcome? After { get; }

    /// <summary>Returns the change on one line.</summary>
    /// <returns>For example <c>user:1 / IpAddress: Denied -> Permitted</c>.</returns>
    public override string ToString() => $"{AccountReference} / {Category}: {Before?.ToString() ?? "(none)"} -> {After?.ToString() ?? "(none)"}";
}
