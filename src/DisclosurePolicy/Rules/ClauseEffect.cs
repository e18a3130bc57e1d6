using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>The effect of a clause when its condition holds: its kind, the reason code it reports and, for a permit, the
/// data categories it permits.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ClauseEffect
{
    private ClauseEffect(ClauseEffectKind kind, string reasonCode, DataCategory[] categories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        Kind = kind;
        ReasonCode = reasonCode;
        Categories = Array.AsReadOnly(categories);
        foreach (DataCategory category in categories)
        {
            CategoryMask |= FactVector.Bit((int)category);
        }
    }

    /// <summary>Gets the kind of effect.</summary>
    public ClauseEffectKind Kind { get; }

    /// <summary>Gets the stable, machine-readable code reported when the clause fires, such as <c>OrderNotValid</c>.</summary>
    public string ReasonCode { get; }

    /// <summary>Gets the data categories a permit covers; empty for the other kinds.</summary>
    public IReadOnlyList<DataCategory> Categories { get; }

    internal ulong CategoryMask { get; }

    /// <summary>Creates a deny effect.</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <returns>The effect.</returns>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    internal static ClauseEffect Deny(string reasonCode) => new(ClauseEffectKind.Deny, reasonCode, []);

    /// <summary>Creates a not-applicable effect.</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <returns>The effect.</returns>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    internal static ClauseEffect NotApplicable(string reasonCode) => new(ClauseEffectKind.NotApplicable, reasonCode, []);

    /// <summary>Creates a pending effect, which also obliges the host to perform the legal analysis.</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <returns>The effect.</returns>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    internal static ClauseEffect Pending(string reasonCode) => new(ClauseEffectKind.Pending, reasonCode, []);

    /// <summary>Creates a permit effect for the given data categories.</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <param name="categories">The categories permitted; at least one.</param>
    /// <returns>The effect.</returns>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is empty, no category is given, or a category is <c>Unspecified</c> or undefined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> or <paramref name="categories"/> is <see langword="null"/>.</exception>
    internal static ClauseEffect Permit(string reasonCode, params IEnumerable<DataCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        DataCategory[] copy = [.. categories.Distinct().Order()];
        if (copy.Length == 0)
        {
            throw new ArgumentException("A permit needs at least one data category.", nameof(categories));
        }

        foreach (DataCategory category in copy)
        {
            if (!EnumValues.IsSpecified(category))
            {
                throw new ArgumentException($"'{category}' is not a data category; accepted: {EnumValues.Accepted<DataCategory>()}.", nameof(categories));
            }
        }

        return new(ClauseEffectKind.Permit, reasonCode, copy);
    }

    /// <summary>Returns the effect in words.</summary>
    /// <returns>For example <c>permit IpAddress, PhoneNumber (JudicialOrderConfirmsTosCriminalSuspect)</c>.</returns>
    public override string ToString() => Kind switch
    {
        ClauseEffectKind.Permit => $"permit {string.Join(", ", Categories)} ({ReasonCode})",
        ClauseEffectKind.NotApplicable => $"not applicable ({ReasonCode})",
        _ => $"{Kind.ToString().ToLowerInvariant()} ({ReasonCode})",
    };
}
