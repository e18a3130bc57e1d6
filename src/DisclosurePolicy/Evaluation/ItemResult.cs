using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Evaluation;

/// <summary>The outcome for one data category of one named account.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares all three members.</para></remarks>
public sealed record ItemResult
{
    /// <summary>Initializes a new instance of the <see cref="ItemResult"/> class.</summary>
    /// <param name="accountReference">The account as the order names it.</param>
    /// <param name="category">The data category.</param>
    /// <param name="outcome">The outcome.</param>
    public ItemResult(string accountReference, DataCategory category, ItemOutcome outcome)
    {
        AccountReference = accountReference;
        Category = category;
        Outcome = outcome;
    }

    /// <summary>Gets the account as the order names it.</summary>
    public string AccountReference { get; }

    /// <summary>Gets the data category.</summary>
    public DataCategory Category { get; }

    /// <summary>Gets the outcome.</summary>
    public ItemOutcome Outcome { get; }
}
