using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// What the clauses that fired for one item say together: the position of the first deny and of the first not-applicable
/// clause that fired, and whether a pending or a permitting clause fired.
/// </summary>
/// <remarks>
/// Positions matter because scope comes before merits: a not-applicable clause (the request is outside the rule, such as
/// a preservation-only request) outranks every deny that follows it in clause order, and only a deny placed before it
/// (an excluding overlay) outranks it. Any other deny overrides everything; nothing permitting means deny.
/// </remarks>
internal readonly record struct FiredEffects(int FirstDeny, int FirstNotApplicable, bool Pending, bool Permit)
{
    /// <summary>Gets the effects of no clause at all.</summary>
    public static FiredEffects None { get; } = new(int.MaxValue, int.MaxValue, false, false);

    /// <summary>Gets a value indicating whether a deny decides the item: one fired before any not-applicable clause that fired.</summary>
    public bool Denied => FirstDeny < FirstNotApplicable;

    /// <summary>Adds the effect of the clause at <paramref name="index"/>; an effect this engine does not know denies (fail closed).</summary>
    public FiredEffects With(ClauseEffectKind kind, int index) => kind switch
    {
        ClauseEffectKind.NotApplicable => this with { FirstNotApplicable = Math.Min(FirstNotApplicable, index) },
        ClauseEffectKind.Pending => this with { Pending = true },
        ClauseEffectKind.Permit => this with { Permit = true },
        _ => this with { FirstDeny = Math.Min(FirstDeny, index) },
    };

    /// <summary>The item's outcome.</summary>
    public ItemOutcome Resolve() =>
        Denied ? ItemOutcome.Denied
        : FirstNotApplicable != int.MaxValue ? ItemOutcome.NotApplicable
        : Pending ? ItemOutcome.PendingLegalAnalysis
        : Permit ? ItemOutcome.Permitted
        : ItemOutcome.Denied;

    /// <summary>
    /// Whether a deny has decided the item for good: it fired before every not-applicable clause that could still fire,
    /// that is, before <paramref name="firstScopeStillToCome"/>, the first not-applicable clause not yet evaluated.
    /// </summary>
    public bool DeniedForGood(int firstScopeStillToCome) => Denied && FirstDeny < firstScopeStillToCome;
}
