using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The conditions that decide a version's item outcomes, with clauses that can only matter together merged into one
/// condition, so the input space is split by what the outcomes depend on rather than by how the clauses are written.
/// </summary>
/// <remarks>
/// <para>An item's outcome (<see cref="Evaluation.FiredEffects"/>) depends on whether any permitting clause of each data
/// category fired, whether any pending clause fired, and, among the deny and not-applicable clauses in their order,
/// whether the first that fired denies. So permitting clauses of the same categories are one disjunction wherever they
/// stand, pending clauses are one, and each run of deny clauses (or of not-applicable clauses) with no clause of the other
/// kind between them is one. A disjunction of tests of the same fact is then one test of the values of all of them
/// (a test holds when the fact has one of its values).</para>
/// <para>Eighteen clauses that each deny one offence are thereby one test of eighteen offences, which splits the offence
/// sets in two classes instead of 2^18. The outcome of every item is unchanged, so the comparison, which still decides
/// each class with the versions' own clauses, stays exact.</para>
/// </remarks>
internal static class OutcomeConditions
{
    /// <summary>Returns the merged conditions of a version, each with the data categories it permits (0 unless it permits).</summary>
    public static IEnumerable<(Condition Condition, ulong CategoryMask)> Of(RuleVersion version)
    {
        var permits = new Dictionary<ulong, List<Condition>>();
        var pending = new List<Condition>();
        var runs = new List<List<Condition>>();
        ClauseEffectKind? runKind = null;
        foreach (Clause clause in version.ClauseArray)
        {
            ClauseEffect effect = clause.Effect;
            switch (effect.Kind)
            {
                case ClauseEffectKind.Permit:
                    if (!permits.TryGetValue(effect.CategoryMask, out List<Condition>? same))
                    {
                        same = [];
                        permits.Add(effect.CategoryMask, same);
                    }

                    same.Add(clause.Condition);
                    break;
                case ClauseEffectKind.Pending:
                    pending.Add(clause.Condition);
                    break;
                default:
                    // Deny, not applicable, and any kind the engine does not know (which denies).
                    ClauseEffectKind kind = effect.Kind == ClauseEffectKind.NotApplicable ? ClauseEffectKind.NotApplicable : ClauseEffectKind.Deny;
                    if (kind != runKind)
                    {
                        runs.Add([]);
                        runKind = kind;
                    }

                    runs[^1].Add(clause.Condition);
                    break;
            }
        }

        foreach ((ulong categories, List<Condition> conditions) in permits)
        {
            yield return (Merge(conditions), categories);
        }

        if (pending.Count > 0)
        {
            yield return (Merge(pending), 0);
        }

        foreach (List<Condition> run in runs)
        {
            yield return (Merge(run), 0);
        }
    }

    // One disjunction, simplified: a conjunct every disjunct shares is taken out (A and X, or A and Y: A and (X or Y)), and
    // tests of the same fact are joined into one test.
    private static Condition Merge(List<Condition> conditions)
    {
        List<Condition> disjuncts = [.. conditions.SelectMany(Disjuncts)];
        if (disjuncts.Count > 1)
        {
            List<List<Condition>> conjuncts = [.. disjuncts.Select(d => Conjuncts(d).ToList())];
            HashSet<string> common = [.. conjuncts[0].Select(Key)];
            foreach (List<Condition> conjunction in conjuncts.Skip(1))
            {
                common.IntersectWith(conjunction.Select(Key));
            }

            if (common.Count > 0 && conjuncts.All(c => c.Count > common.Count))
            {
                List<Condition> shared = [.. conjuncts[0].Where(c => common.Contains(Key(c))).DistinctBy(Key)];
                List<Condition> rests = [.. conjuncts.Select(c => And([.. c.Where(x => !common.Contains(Key(x)))]))];
                return Condition.All([.. shared, Merge(rests)]);
            }
        }

        var operands = new List<Condition>();
        var byFact = new Dictionary<Fact, ulong>();
        foreach (Condition condition in disjuncts)
        {
            if (condition is FactCondition test)
            {
                byFact[test.Fact] = byFact.GetValueOrDefault(test.Fact) | test.Mask;
            }
            else
            {
                operands.Add(condition);
            }
        }

        foreach ((Fact fact, ulong mask) in byFact)
        {
            operands.Add(new FactCondition(fact, Bits(mask)));
        }

        return operands.Count == 1 ? operands[0] : Condition.Any(operands);
    }

    private static Condition And(List<Condition> conjuncts) => conjuncts.Count == 1 ? conjuncts[0] : Condition.All(conjuncts);

    private static IEnumerable<Condition> Disjuncts(Condition condition) =>
        condition is AnyCondition any ? any.Operands.SelectMany(Disjuncts) : [condition];

    private static IEnumerable<Condition> Conjuncts(Condition condition) =>
        condition is AllCondition all ? all.Operands.SelectMany(Conjuncts) : [condition];

    // What a condition tests, as text: two conditions with the same key hold for the same facts.
    private static string Key(Condition condition) => condition switch
    {
        FactCondition test => $"{test.Fact}:{test.Mask}",
        JurisdictionCondition codes => $"in:{string.Join(',', codes.Codes)}",
        NotCondition not => $"not({Key(not.Operand)})",
        AllCondition all => $"all({string.Join(';', all.Operands.Select(Key))})",
        AnyCondition any => $"any({string.Join(';', any.Operands.Select(Key))})",
        _ => $"other:{condition}",
    };

    private static IEnumerable<int> Bits(ulong mask)
    {
        for (ulong rest = mask; rest != 0; rest &= rest - 1)
        {
            yield return System.Numerics.BitOperations.TrailingZeroCount(rest);
        }
    }
}
