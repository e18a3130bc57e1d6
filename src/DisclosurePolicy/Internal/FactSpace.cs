using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>
/// Every combination of the facts some conditions look at, up to equivalence: two values of a fact that every test of it
/// in those conditions treats alike are one class, and one representative stands for the class. Testing each
/// combination therefore decides satisfiability and implication between the conditions exactly.
/// </summary>
/// <remarks>
/// <para>The classes are <see cref="ValueClasses"/>', as the comparison's are. Scalar and yes/no facts take one class at a
/// time; set facts (offences, Terms-of-Service items) take one set per combination of tests met; the jurisdiction is taken
/// together with EU membership, which follows from it and the receipt date.
/// Every other pair of facts is treated as independent. In particular the Terms-of-Service items are not derived from the
/// offences here (the catalogue and the receipt date link them), so a combination may be counted that no request can
/// produce: the space over-approximates, and a condition it finds unsatisfiable is unsatisfiable for every request.</para>
/// </remarks>
internal sealed class FactSpace
{
    /// <summary>Beyond this many combinations a question is left undecided.</summary>
    public const int MaxCombinations = 1 << 18;

    private readonly Dimension[] _dimensions;

    private FactSpace(Dimension[] dimensions) => _dimensions = dimensions;

    public delegate bool FactTest(in FactVector facts);

    /// <summary>Builds the space of the facts the conditions look at; <see langword="null"/> when it is too large to enumerate.</summary>
    /// <param name="conditions">The conditions, each with an extra data-category mask (0 for none) that also splits that fact.</param>
    public static FactSpace? Over(IEnumerable<(Condition Condition, ulong CategoryMask)> conditions)
    {
        var masks = new Dictionary<Fact, List<ulong>>();
        var codeSets = new List<IReadOnlyList<string>>();
        foreach ((Condition condition, ulong categoryMask) in conditions)
        {
            Collect(condition, masks, codeSets);
            if (categoryMask != 0)
            {
                Add(masks, Fact.DataCategory, categoryMask);
            }
        }

        bool jurisdiction = codeSets.Count > 0;
        var dimensions = new List<Dimension>();
        long total = 1;
        foreach ((Fact fact, List<ulong> factMasks) in masks.OrderBy(p => p.Key))
        {
            if (fact == Fact.EuMemberState && jurisdiction)
            {
                continue;
            }

            Dimension dimension = FactInfo.Shape(fact) == FactShape.Set ? SetDimension(fact, factMasks) : ScalarDimension(fact, factMasks);
            dimensions.Add(dimension);
            total *= dimension.Choices.Length;
            if (total > MaxCombinations)
            {
                return null;
            }
        }

        if (jurisdiction)
        {
            Dimension dimension = JurisdictionDimension(codeSets, masks.ContainsKey(Fact.EuMemberState));
            dimensions.Add(dimension);
            total *= dimension.Choices.Length;
            if (total > MaxCombinations)
            {
                return null;
            }
        }

        return new FactSpace([.. dimensions]);
    }

    /// <summary>Visits every combination until <paramref name="visit"/> returns <see langword="false"/>.</summary>
    /// <returns><see langword="true"/> when every combination was visited.</returns>
    public bool ForEach(FactTest visit)
    {
        int[] digits = new int[_dimensions.Length];
        var facts = default(FactVector);
        while (true)
        {
            for (int d = 0; d < _dimensions.Length; d++)
            {
                _dimensions[d].Apply(ref facts, digits[d]);
            }

            if (!visit(in facts))
            {
                return false;
            }

            int i = 0;
            while (i < digits.Length && ++digits[i] == _dimensions[i].Choices.Length)
            {
                digits[i] = 0;
                i++;
            }

            if (i == digits.Length)
            {
                return true;
            }
        }
    }

    /// <summary>Returns whether some combination passes the test.</summary>
    public bool Exists(FactTest test) => !ForEach((in FactVector f) => !test(in f));

    /// <summary>Returns whether every combination passes the test.</summary>
    public bool Always(FactTest test) => ForEach(test);

    private static void Collect(Condition condition, Dictionary<Fact, List<ulong>> masks, List<IReadOnlyList<string>> codeSets)
    {
        foreach (Condition leaf in condition.Leaves())
        {
            if (leaf is FactCondition test)
            {
                Add(masks, test.Fact, test.Mask);
            }
            else if (leaf is JurisdictionCondition codes)
            {
                codeSets.Add(codes.Codes);
            }
        }
    }

    private static void Add(Dictionary<Fact, List<ulong>> masks, Fact fact, ulong mask)
    {
        if (!masks.TryGetValue(fact, out List<ulong>? list))
        {
            list = [];
            masks[fact] = list;
        }

        list.Add(mask);
    }

    private static Dimension ScalarDimension(Fact fact, List<ulong> masks) =>
        new(fact, [.. ValueClasses.Split(ValueClasses.All(fact), masks).Select(c => new Choice(c & (~c + 1), null, 0))]);

    private static Dimension SetDimension(Fact fact, List<ulong> masks) =>
        new(fact, [.. ValueClasses.Subsets(ValueClasses.All(fact), masks).Representatives.Select(r => new Choice(r, null, 0))]);

    private static Dimension JurisdictionDimension(List<IReadOnlyList<string>> codeSets, bool euMatters)
    {
        // Membership is judged on the receipt date, which may be any day: a State that ever was a member may be one or
        // not on that day, any other State never is. The groups keep ever-members and never-members in separate classes.
        string[][] groups = [.. CountryCodes.EuMembershipGroups()];
        IReadOnlyList<string> codes = CountryCodes.All;
        var choices = new List<Choice>();
        foreach (int[] members in ValueClasses.Countries(codes, euMatters ? [.. codeSets, .. groups] : codeSets))
        {
            string code = codes[members[0]];
            choices.Add(new Choice(0, code, FactVector.Bit(false)));
            if (euMatters && groups.Any(g => g.Contains(code)))
            {
                choices.Add(new Choice(0, code, FactVector.Bit(true)));
            }
        }

        return new Dimension(Fact.Jurisdiction, [.. choices]);
    }

    private readonly record struct Choice(ulong Bits, string? Code, ulong EuBits);

    private sealed class Dimension(Fact fact, Choice[] choices)
    {
        public Choice[] Choices { get; } = choices;

        public void Apply(ref FactVector facts, int index)
        {
            Choice choice = Choices[index];
            if (fact == Fact.Jurisdiction)
            {
                facts.Jurisdiction = choice.Code!;
                facts[Fact.EuMemberState] = choice.EuBits;
            }
            else
            {
                facts[fact] = choice.Bits;
            }
        }
    }
}
