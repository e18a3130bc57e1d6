using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// The one routine that evaluates clauses: for one item's facts, which of the given clauses fire and what their effects
/// say together (<see cref="FiredEffects"/>). The engine calls it level by level (order clauses once, account clauses once
/// per account, item clauses once per item, each level adding to the effects of the levels above), the explained path
/// with a row of flags to mark the clauses that fired, and the comparison once over every clause.
/// </summary>
internal static class ItemEvaluator
{
    /// <param name="clauses">The version's clauses, in order.</param>
    /// <param name="indexes">The positions of the clauses to evaluate, ascending.</param>
    /// <param name="facts">The item's facts.</param>
    /// <param name="seen">The effects of the clauses already evaluated for the item.</param>
    /// <param name="fired">Empty for decision only; otherwise one flag per clause, set for each clause that fires.</param>
    public static FiredEffects Fire(Clause[] clauses, int[] indexes, in FactVector facts, FiredEffects seen, Span<bool> fired)
    {
        bool explain = !fired.IsEmpty;
        foreach (int i in indexes)
        {
            Clause clause = clauses[i];
            ClauseEffect effect = clause.Effect;
            if (effect.Kind == ClauseEffectKind.Permit && (facts[Fact.DataCategory] & effect.CategoryMask) == 0)
            {
                continue;
            }

            bool holds = clause.Condition.Holds(in facts);
            if (explain)
            {
                fired[i] = holds;
            }

            if (holds)
            {
                seen = seen.With(effect.Kind, i);
            }
        }

        return seen;
    }

    /// <summary>Decides one item under every clause of a version.</summary>
    public static ItemOutcome Evaluate(RuleVersion version, in FactVector facts) =>
        Fire(version.ClauseArray, version.AllClauseIndexes, in facts, FiredEffects.None, []).Resolve();
}
