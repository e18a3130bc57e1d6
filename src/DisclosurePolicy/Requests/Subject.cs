using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Requests;

/// <summary>An account named by an order, with what the order confirms about its user.</summary>
/// <remarks>
/// <para>Construction never throws on bad values: <see cref="LegalRequest.Validate()"/> reports them, and evaluation denies
/// them. The offence list is copied once; the object is immutable and safe to share across threads. Equality compares
/// the account reference, the status and the offences in order.</para>
/// </remarks>
public sealed class Subject : IEquatable<Subject>
{
    /// <summary>Initializes a new instance of the <see cref="Subject"/> class.</summary>
    /// <param name="accountReference">The account as the order names it: a user id, a username or a phone number.</param>
    /// <param name="status">The user's status as the order confirms it.</param>
    /// <param name="offences">The offence categories of the case; <see langword="null"/> is kept as an empty list.</param>
    public Subject(string accountReference, SubjectStatus status, IEnumerable<OffenceCategory>? offences)
    {
        AccountReference = accountReference;
        Status = status;
        OffenceArray = offences is null ? [] : offences.ToArray();
        Offences = offences is null ? [] : Array.AsReadOnly(OffenceArray);
    }

    /// <summary>Initializes a new instance of the <see cref="Subject"/> class.</summary>
    /// <param name="accountReference">The account as the order names it.</param>
    /// <param name="status">The user's status as the order confirms it.</param>
    /// <param name="offences">The offence categories of the case.</param>
    public Subject(string accountReference, SubjectStatus status, params OffenceCategory[] offences)
        : this(accountReference, status, (IEnumerable<OffenceCategory>?)offences)
    {
    }

    /// <summary>Gets the account as the order names it.</summary>
    public string AccountReference { get; }

    /// <summary>Gets the user's status as the order confirms it.</summary>
    public SubjectStatus Status { get; }

    /// <summary>Gets the offence categories of the case, in the order given.</summary>
    public IReadOnlyList<OffenceCategory> Offences { get; }

    /// <summary>Gets the array behind <see cref="Offences"/> (never to be written).</summary>
    internal OffenceCategory[] OffenceArray { get; }

    /// <inheritdoc/>
    public bool Equals(Subject? other) =>
        other is not null
        && string.Equals(AccountReference, other.AccountReference, StringComparison.Ordinal)
        && Status == other.Status
        && Sequences.Equal(Offences, other.Offences);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Subject);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(AccountReference is null ? 0 : StringComparer.Ordinal.GetHashCode(AccountReference), Status, Offences.Count);

    /// <summary>Returns the account reference and status.</summary>
    /// <returns>A short description such as <c>@example (Suspect)</c>.</returns>
    public override string ToString() => $"{AccountReference} ({Status})";
}
