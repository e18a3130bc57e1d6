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

    public static ItemOutcome Resolve(bool deny, bool notApplicable, bool pending, bool permit) =>
        deny ? ItemOutcome.Denied
        : notApplicable ? ItemOutcome.NotApplicable
        : pending ? ItemOutcome.PendingLegalAnalysis
        : permit ? ItemOutcome.Permitted
        : ItemOutcome.Denied;
}
