using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>
/// Finds the clauses of a version that can never matter: those that can never fire, and those that are shadowed.
/// </summary>
/// <remarks>
/// <para>A clause <b>can never fire</b> when no combination of the facts its condition looks at satisfies it (for a
/// permit, together with the requested category being one it permits).</para>
/// <para>A clause is <b>shadowed</b> when either an earlier deny clause fires for every request (then nothing after it can
/// change any outcome), or it is not a deny and, whenever it fires, a clause with a stronger effect
/// (deny, then not applicable, then pending, then permit) fires too, wherever it stands (for a not-applicable clause, a
/// deny before it: a deny after it gives way to it), so it can never decide an item.
/// A deny clause is shadowed only by an earlier unconditional deny: otherwise each deny adds its own reason to the
/// explanation, even where another deny already decides the item.</para>
/// <para>Both questions are decided exactly over <see cref="FactSpace"/> (which treats the Terms-of-Service items as
/// independent of the offences); when the facts involved have more than <see cref="FactSpace.MaxCombinations"/>
/// combinations the question is left undecided and nothing is reported.</para>
/// </remarks>
internal static class ClauseReachability
{
    public static void Check(IReadOnlyList<Clause> clauses, Func<int, string> clausePath, List<ValidationProblem> problems)
    {
        int unconditionalDeny = -1;
        for (int c = 0; c < clauses.Count; c++)
        {
            Clause clause = clauses[c];
            string path = clausePath(c);
            if (unconditionalDeny >= 0)
            {
                Clause deny = clauses[unconditionalDeny];
                problems.Add(new(path, clause.Id, $"the clause is shadowed: {ClauseRef(clausePath, unconditionalDeny, deny)} denies every item before it, so it can never change an outcome"));
                continue;
            }

            FactSpace? own = FactSpace.Over([(clause.Condition, CategoryMask(clause))]);
            if (own is null)
            {
                continue;
            }

            if (!own.Exists((in FactVector f) => Fires(clause, in f)))
            {
                string why = clause.Effect.Kind == ClauseEffectKind.Permit && own.Exists((in FactVector f) => clause.Condition.Holds(in f))
                    ? $"its condition never holds for a data category it permits ({string.Join(", ", clause.Effect.Categories)})"
                    : "its condition cannot hold for any request";
                problems.Add(new($"{path}.when", clause.Condition.ToString(), $"the clause can never fire: {why}"));
                continue;
            }

            int rank = Rank(clause.Effect.Kind);
            if (rank == Rank(ClauseEffectKind.Deny))
            {
                if (own.Always((in FactVector f) => clause.Condition.Holds(in f)))
                {
                    unconditionalDeny = c;
                }

                continue;
            }

            // Scope before merits: a not-applicable clause gives way only to the denies placed before it.
            int[] stronger = rank == Rank(ClauseEffectKind.NotApplicable)
                ? [.. Enumerable.Range(0, c).Where(i => Rank(clauses[i].Effect.Kind) > rank)]
                : [.. Enumerable.Range(0, clauses.Count).Where(i => Rank(clauses[i].Effect.Kind) > rank)];
            if (stronger.Length == 0)
            {
                continue;
            }

            FactSpace? joint = FactSpace.Over([(clause.Condition, CategoryMask(clause)), .. stronger.Select(i => (clauses[i].Condition, CategoryMask(clauses[i])))]);
            if (joint is null)
            {
                continue;
            }

            Clause[] strongerClauses = [.. stronger.Select(i => clauses[i])];
            bool covered = joint.Always((in FactVector f) => !Fires(clause, in f) || AnyFires(strongerClauses, in f));
            if (covered)
            {
                var together = new List<string>();
                foreach (int i in stronger)
                {
                    if (joint.Exists((in FactVector f) => Fires(clause, in f) && Fires(clauses[i], in f)))
                    {
                        together.Add(ClauseRef(clausePath, i, clauses[i]));
                    }
                }

                problems.Add(new(path, clause.Id, $"the clause is shadowed: whenever it fires, a stronger clause fires too ({string.Join(", ", together)}), so it can never decide an item"));
            }
        }
    }

    // Deny overrides not applicable (when it comes first), which overrides pending, which overrides permit; an unknown kind
    // counts as a deny.
    private static int Rank(ClauseEffectKind kind) => kind switch
    {
        ClauseEffectKind.Permit => 1,
        ClauseEffectKind.Pending => 2,
        ClauseEffectKind.NotApplicable => 3,
        _ => 4,
    };

    private static ulong CategoryMask(Clause clause) =>
        clause.Effect.Kind == ClauseEffectKind.Permit ? clause.Effect.CategoryMask : 0;

    private static bool Fires(Clause clause, in FactVector facts) =>
        (clause.Effect.Kind != ClauseEffectKind.Permit || (facts[Fact.DataCategory] & clause.Effect.CategoryMask) != 0)
        && clause.Condition.Holds(in facts);

    private static bool AnyFires(Clause[] clauses, in FactVector facts)
    {
        foreach (Clause clause in clauses)
        {
            if (Fires(clause, in facts))
            {
                return true;
            }
        }

        return false;
    }

    private static string ClauseRef(Func<int, string> clausePath, int index, Clause clause)
    {
        string path = clausePath(index);
        int dot = path.LastIndexOf('.');
        return $"{(dot >= 0 ? path[(dot + 1)..] : path)} '{clause.Id}'";
    }
}
