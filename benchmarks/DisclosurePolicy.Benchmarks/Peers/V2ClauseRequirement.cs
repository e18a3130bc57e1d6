using DisclosurePolicy.Rules;
using Microsoft.AspNetCore.Authorization;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>One clause of V2 as an ASP.NET Core authorization requirement over a <see cref="V2Item"/>.</summary>
/// <remarks>
/// <para>A refusing clause (deny, not applicable, pending) is met when it does not fire; the permitting clause is met when it
/// fires. So the policy succeeds exactly when the item is permitted, and the failed requirements are the clauses that
/// refused it.</para>
/// </remarks>
public sealed class V2ClauseRequirement : IAuthorizationRequirement
{
    /// <summary>Initializes a new instance of the <see cref="V2ClauseRequirement"/> class.</summary>
    /// <param name="clauseId">The clause's id.</param>
    /// <param name="effect">The clause's effect when it fires.</param>
    /// <param name="fires">Whether the clause fires for an item.</param>
    public V2ClauseRequirement(string clauseId, ClauseEffectKind effect, Func<V2Item, bool> fires)
    {
        ClauseId = clauseId;
        Effect = effect;
        Fires = fires;
    }

    /// <summary>Gets the clause's id.</summary>
    public string ClauseId { get; }

    /// <summary>Gets the clause's effect when it fires.</summary>
    public ClauseEffectKind Effect { get; }

    /// <summary>Gets the clause's condition.</summary>
    public Func<V2Item, bool> Fires { get; }

    /// <summary>Whether the requirement is met for an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see langword="true"/> when the clause does not stand in the way of disclosure.</returns>
    public bool IsMet(V2Item item) => Effect == ClauseEffectKind.Permit ? Fires(item) : !Fires(item);
}
