namespace DisclosurePolicy.Rules;

/// <summary>
/// One clause of a rule version: when its condition holds for an account and data item, its effect applies and its
/// reason is reported with the policy wording it implements.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class Clause
{
    /// <summary>Initializes a new instance of the <see cref="Clause"/> class.</summary>
    /// <param name="id">The clause's identifier, unique within its version, such as <c>8.3-2024/issuer</c>.</param>
    /// <param name="citation">Where the clause comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</param>
    /// <param name="wording">The exact words of the policy the clause implements.</param>
    /// <param name="summary">What the clause requires, in one sentence a reviewer can check against the wording.</param>
    /// <param name="condition">When the clause fires.</param>
    /// <param name="effect">What it does when it fires.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    internal Clause(string id, string citation, string wording, string summary, Condition condition, ClauseEffect effect)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(effect);
        Id = id;
        Citation = citation;
        Wording = wording;
        Summary = summary;
        Condition = condition;
        Effect = effect;
    }

    /// <summary>Gets the clause's identifier, unique within its version.</summary>
    public string Id { get; }

    /// <summary>Gets where the clause comes from.</summary>
    public string Citation { get; }

    /// <summary>Gets the exact words of the policy the clause implements.</summary>
    public string Wording { get; }

    /// <summary>Gets what the clause requires, in one sentence.</summary>
    public string Summary { get; }

    /// <summary>Gets when the clause fires.</summary>
    public Condition Condition { get; }

    /// <summary>Gets what the clause does when it fires.</summary>
    public ClauseEffect Effect { get; }

    /// <summary>Gets the level at which the clause's reason is reported: a permit is always per data item.</summary>
    internal FactLevel Level => Effect.Kind == ClauseEffectKind.Permit ? FactLevel.DataItem : Condition.Level;

    /// <summary>Returns the clause in words.</summary>
    /// <returns>The id, the condition and the effect.</returns>
    public override string ToString() => $"{Id}: when {Condition} then {Effect}";
}
