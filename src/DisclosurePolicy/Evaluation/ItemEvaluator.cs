using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// Decides one account and data item under a version's clauses. The one routine serves both the decision-only path (no
/// record, stops once a deny makes the rest moot) and the explained path (records every clause that fired).
/// </summary>
internal static class ItemEvaluator
{
    /// <param name="clauses">The version's clauses, in order.</param>
    /// <param name="facts">The item's facts.</param>
    /// <param name="fired">Empty for decision only; otherwise one flag per clause, set when the clause fired.</param>
    public static ItemOutcome Evaluate(Clause[] clauses, in FactVector facts, Span<bool> fired)
    {
        bool explain = !fired.IsEmpty;
        bool deny = false;
        bool notApplicable = false;
        bool pending = false;
        bool permit = false;
        for (int i = 0; i < clauses.Length; i++)
        {
            Clause clause = clauses[i];
            ClauseEffect effect = clause.Effect;
            if (effect.Kind == ClauseEffectKind.Permit && (facts.Category & effect.CategoryMask) == 0)
            {
                continue;
            }

            if (!clause.Condition.Holds(in facts))
            {
                continue;
            }

            switch (effect.Kind)
            {
                case ClauseEffectKind.Deny:
                    deny = true;
                    break;
                case ClauseEffectKind.NotApplicable:
                    notApplicable = true;
                    break;
                case ClauseEffectKind.Pending:
                    pending = true;
                    break;
                case ClauseEffectKind.Permit:
                    permit = true;
                    break;
                default:
                    // An effect this engine does not know can only deny: fail closed.
                    deny = true;
                    break;
            }

            if (explain)
            {
                fired[i] = true;
            }
            else if (deny)
            {
                // Deny overrides every other effect, so nothing later can change this item.
                return ItemOutcome.Denied;
            }
        }

        return Resolve(deny, notApplicable, pending, permit);
    }

    /// <summary>
    /// Adds the effects of the clauses that fire to those already seen, stopping at a deny (which overrides everything).
    /// Decision-only: the engine calls it once per level (order, account, item) and carries the flags down, since a clause
    /// fires alike for every item that shares the facts it looks at.
    /// </summary>
    public static FiredEffects Collect(Clause[] clauses, in FactVector facts, FiredEffects seen)
    {
        for (int i = 0; i < clauses.Length; i++)
        {
            Clause clause = clauses[i];
            ClauseEffect effect = clause.Effect;
            if (effect.Kind == ClauseEffectKind.Permit && (facts.Category & effect.CategoryMask) == 0)
            {
                continue;
            }

            if (!clause.Condition.Holds(in facts))
            {
                continue;
            }

            seen |= effect.Kind switch
            {
                ClauseEffectKind.NotApplicable => FiredEffects.NotApplicable,
                ClauseEffectKind.Pending => FiredEffects.Pending,
                ClauseEffectKind.Permit => FiredEffects.Permit,

                // Deny, and an effect this engine does not know: fail closed.
                _ => FiredEffects.Deny,
            };
            if ((seen & FiredEffects.Deny) != 0)
            {
                return seen;
            }
        }

        return seen;
    }

    /// <summary>
    /// Marks, among the clauses at <paramref name="indexes"/>, those that fire (explained path), and returns their effects:
    /// an item's outcome is <see cref="Resolve(FiredEffects)"/> of what its order, account and item clauses fired.
    /// </summary>
    public static FiredEffects Mark(Clause[] clauses, int[] indexes, in FactVector facts, Span<bool> fired)
    {
        var seen = FiredEffects.None;
        foreach (int i in indexes)
        {
            Clause clause = clauses[i];
            ClauseEffect effect = clause.Effect;
            if (effect.Kind == ClauseEffectKind.Permit && (facts.Category & effect.CategoryMask) == 0)
            {
                continue;
            }

            bool holds = clause.Condition.Holds(in facts);
            fired[i] = holds;
            if (holds)
            {
                seen |= effect.Kind switch
                {
                    ClauseEffectKind.NotApplicable => FiredEffects.NotApplicable,
                    ClauseEffectKind.Pending => FiredEffects.Pending,
                    ClauseEffectKind.Permit => FiredEffects.Permit,

                    // Deny, and an effect this engine does not know: fail closed.
                    _ => FiredEffects.Deny,
                };
            }
        }

        return seen;
    }

    public static ItemOutcome Resolve(FiredEffects fired) => Resolve(
        (fired & FiredEffects.Deny) != 0,
        (fired & FiredEffects.NotApplicable) != 0,
        (fired & FiredEffects.Pending) != 0,
        (fired & FiredEffects.Permit) != 0);

    public static ItemOutcome Resolve(bool deny, bool notApplicable, bool pending, bool permit) =>
        deny ? ItemOutcome.Denied
        : notApplicable ? ItemOutcome.NotApplicable
        : pending ? ItemOutcome.PendingLegalAnalysis
        : permit ? ItemOutcome.Permitted
        : ItemOutcome.Denied;
}
