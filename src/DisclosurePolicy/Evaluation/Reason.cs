using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// Why a decision came out as it did: a clause that fired (or an engine check), its stable code, the policy wording it
/// implements, and the facts it looked at.
/// </summary>
/// <remarks>
/// <para>Equality compares every member, facts in order.</para>
/// <para>A reason belongs to the whole order, to one account, or to one account and data category, following the finest
/// fact its clause looks at. Engine reasons (<see cref="ReasonCodes.InsufficientInformation"/>,
/// <see cref="ReasonCodes.NoVersionInForce"/>, <see cref="ReasonCodes.UnknownVersion"/>,
/// <see cref="ReasonCodes.NoPermittingClause"/>, <see cref="ReasonCodes.EvaluationError"/>) have no clause.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class Reason : IEquatable<Reason>
{
    /// <summary>Initializes a new instance of the <see cref="Reason"/> class.</summary>
    /// <param name="code">The stable reason code.</param>
    /// <param name="effect">What the reason did to the items it concerns.</param>
    /// <param name="clauseId">The clause's id, or <see langword="null"/> for an engine reason.</param>
    /// <param name="citation">Where the clause comes from, or <see langword="null"/>.</param>
    /// <param name="wording">The policy wording the clause implements, or <see langword="null"/>.</param>
    /// <param name="message">The reason in words.</param>
    /// <param name="facts">The facts looked at, with their values.</param>
    /// <param name="accountReference">The account it concerns, or <see langword="null"/> for the whole order.</param>
    /// <param name="category">The data category it concerns, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="message"/> or <paramref name="facts"/> is <see langword="null"/>.</exception>
    public Reason(
        string code,
        ClauseEffectKind effect,
        string? clauseId,
        string? citation,
        string? wording,
        string message,
        IEnumerable<FactValue> facts,
        string? accountReference,
        DataCategory? category)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(facts);
        Code = code;
        Effect = effect;
        ClauseId = clauseId;
        Citation = citation;
        Wording = wording;
        Message = message;
        Facts = Array.AsReadOnly(facts.ToArray());
        AccountReference = accountReference;
        Category = category;
    }

    // Takes the facts array as it is: for an array no one else holds (the engine's own).
    private Reason(
        string code,
        ClauseEffectKind effect,
        string? clauseId,
        string? citation,
        string? wording,
        string message,
        string? accountReference,
        DataCategory? category,
        FactValue[] facts)
    {
        Code = code;
        Effect = effect;
        ClauseId = clauseId;
        Citation = citation;
        Wording = wording;
        Message = message;
        Facts = Array.AsReadOnly(facts);
        AccountReference = accountReference;
        Category = category;
    }

    internal static Reason Owning(
        string code,
        ClauseEffectKind effect,
        string? clauseId,
        string? citation,
        string? wording,
        string message,
        FactValue[] facts,
        string? accountReference,
        DataCategory? category) =>
        new(code, effect, clauseId, citation, wording, message, accountReference, category, facts);

    /// <summary>Gets the stable reason code, such as <c>OrderNotValid</c>.</summary>
    public string Code { get; }

    /// <summary>Gets what the reason did to the items it concerns.</summary>
    public ClauseEffectKind Effect { get; }

    /// <summary>Gets the clause's id, or <see langword="null"/> for an engine reason.</summary>
    public string? ClauseId { get; }

    /// <summary>Gets where the clause comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>, or <see langword="null"/>.</summary>
    public string? Citation { get; }

    /// <summary>Gets the exact policy wording the clause implements, or <see langword="null"/>.</summary>
    public string? Wording { get; }

    /// <summary>Gets the reason in words.</summary>
    public string Message { get; }

    /// <summary>Gets the facts looked at, with their values.</summary>
    public IReadOnlyList<FactValue> Facts { get; }

    /// <summary>Gets the account the reason concerns, or <see langword="null"/> when it concerns the whole order.</summary>
    public string? AccountReference { get; }

    /// <summary>Gets the data category the reason concerns, or <see langword="null"/>.</summary>
    public DataCategory? Category { get; }

    /// <summary>Returns the reason on one line.</summary>
    /// <returns>The code, scope, citation and message.</returns>
    public override string ToString()
    {
        string scope = (AccountReference, Category) switch
        {
            (null, null) => string.Empty,
            (string a, null) => $" [{a}]",
            (null, DataCategory c) => $" [{c}]",
            (string a, DataCategory c) => $" [{a} / {c}]",
        };
        return $"{Code}{scope}: {Message}";
    }

    /// <inheritdoc/>
    public bool Equals(Reason? other) =>
        other is not null
        && Code == other.Code && Effect == other.Effect && ClauseId == other.ClauseId && Citation == other.Citation
        && Wording == other.Wording && Message == other.Message && AccountReference == other.AccountReference
        && Category == other.Category && Sequences.Equal(Facts, other.Facts);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Reason);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, ClauseId, AccountReference, Category);
}
