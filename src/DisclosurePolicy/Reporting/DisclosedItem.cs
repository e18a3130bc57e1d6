using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Reporting;

/// <summary>One data item actually handed over: one data category of one named account.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares both members (the account ordinally).</para></remarks>
public sealed record DisclosedItem
{
    /// <summary>Initializes a new instance of the <see cref="DisclosedItem"/> class.</summary>
    /// <param name="accountReference">The account as the order names it, such as <c>user:58213377</c>.</param>
    /// <param name="category">The data category handed over.</param>
    /// <exception cref="ArgumentNullException"><paramref name="accountReference"/> is <see langword="null"/>.</exception>
    public DisclosedItem(string accountReference, DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(accountReference);
        AccountReference = accountReference;
        Category = category;
    }

    /// <summary>Gets the account as the order names it.</summary>
    public string AccountReference { get; }

    /// <summary>Gets the data category handed over.</summary>
    public DataCategory Category { get; }

    internal static int Compare(DisclosedItem a, DisclosedItem b)
    {
        int byAccount = string.CompareOrdinal(a.AccountReference, b.AccountReference);
        return byAccount != 0 ? byAccount : a.Category.CompareTo(b.Category);
    }

    /// <summary>Returns the item as <c>account:category</c>, the form the command line reads.</summary>
    /// <returns>For example <c>user:58213377:IpAddress</c>.</returns>
    public override string ToString() => $"{AccountReference}:{Category}";
}
