using System.Text;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>
/// Every combination of the facts some conditions look at, up to equivalence: two values of a fact that every test of it
/// in those conditions treats alike are one class, and one representative stands for the class. Testing each
/// combination therefore decides satisfiability and implication between the conditions exactly.
/// </summary>
/// <remarks>
/// <para>Scalar and yes/no facts take one class at a time; set facts (offences, Terms-of-Service items) take any subset of
/// the classes their tests tell apart; the jurisdiction is taken together with EU membership, which follows from it.
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

    // One representative value per class of values that the masks cannot tell apart.
    private static List<int> Representatives(Fact fact, List<ulong> masks, bool dropUntested)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var representatives = new List<int>();
        foreach (int value in FactInfo.Values(fact))
        {
            var signature = new StringBuilder(masks.Count);
            bool tested = false;
            foreach (ulong mask in masks)
            {
                bool member = (mask & (1UL << value)) != 0;
                tested |= member;
                signature.Append(member ? '1' : '0');
            }

            if ((tested || !dropUntested) && seen.Add(signature.ToString()))
            {
                representatives.Add(value);
            }
        }

        return representatives;
    }

    private static Dimension ScalarDimension(Fact fact, List<ulong> masks)
    {
        List<int> representatives = Representatives(fact, masks, dropUntested: false);
        return new Dimension(fact, [.. representatives.Select(v => new Choice(1UL << v, null, 0))]);
    }

    // A set holds any subset of the classes; values no test looks at make no difference, so they are left out.
    private static Dimension SetDimension(Fact fact, List<ulong> masks)
    {
        List<int> representatives = Representatives(fact, masks, dropUntested: true);
        int count = representatives.Count;
        var choices = new Choice[1 << count];
        for (int subset = 0; subset < choices.Length; subset++)
        {
            ulong bits = 0;
            for (int i = 0; i < count; i++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    bits |= 1UL << representatives[i];
                }
            }

            choices[subset] = new Choice(bits, null, 0);
        }

        return new Dimension(fact, choices);
    }

    private static Dimension JurisdictionDimension(List<IReadOnlyList<string>> codeSets, bool euMatters)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var choices = new List<Choice>();
        foreach (string code in CountryCodes.All)
        {
            // Membership is judged on the receipt date, which may be any day: a State that ever was a member may be one or
            // not, any other State never is.
            bool[] memberships = CountryCodes.EuMembershipGroups().Any(g => g.Contains(code)) ? [false, true] : [false];
            foreach (bool eu in memberships)
            {
                var signature = new StringBuilder(codeSets.Count + 1);
                foreach (IReadOnlyList<string> set in codeSets)
                {
                    signature.Append(set.Contains(code) ? '1' : '0');
                }

                if (euMatters)
                {
                    signature.Append(eu ? '1' : '0');
                }

                if (seen.Add(signature.ToString()))
                {
                    choices.Add(new Choice(0, code, FactVector.Bit(eu)));
                }
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
