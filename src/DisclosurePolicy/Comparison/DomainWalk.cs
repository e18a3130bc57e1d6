using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// Decides one representative item of every class of an <see cref="InputSpace"/> under both versions, with the engine's
/// own item evaluation, and records where they differ. The classes are visited like an odometer, the data category
/// turning fastest; only the facts of the axes that turned are rewritten, and nothing is allocated per class.
/// </summary>
internal sealed class DomainWalk
{
    private DomainWalk(InputSpace space) => Space = space;

    public InputSpace Space { get; }

    /// <summary>Gets the number of classes visited (valid, and inside the scope).</summary>
    public long Classes { get; private set; }

    /// <summary>Gets the number of raw value combinations visited (each receipt-date class counts once).</summary>
    public long Combinations { get; private set; }

    public long DifferingClasses { get; private set; }

    public long DifferingCombinations { get; private set; }

    /// <summary>Gets the differing classes, as mixed-radix numbers over the axes (the first axis most significant).</summary>
    public List<long> Cells { get; } = [];

    /// <summary>Gets, per differing class, the left outcome times 8 plus the right outcome.</summary>
    public List<byte> Labels { get; } = [];

    /// <summary>Gets the class the walk stopped at, when it looked for a first one and found it.</summary>
    public int[]? Stop { get; private set; }

    public ItemOutcome StopLeft { get; private set; }

    public ItemOutcome StopRight { get; private set; }

    public static DomainWalk Run(InputSpace space, WalkMode mode)
    {
        var walk = new DomainWalk(space);
        walk.Visit(mode);
        return walk;
    }

    public static int[] Digits(InputSpace space, long cell)
    {
        AxisPartition[] axes = space.Axes;
        int[] digits = new int[axes.Length];
        for (int d = axes.Length - 1; d >= 0; d--)
        {
            digits[d] = (int)(cell % axes[d].Count);
            cell /= axes[d].Count;
        }

        return digits;
    }

    private void Visit(WalkMode mode)
    {
        InputSpace space = Space;
        AxisPartition[] axes = space.Axes;
        int n = axes.Length;
        int[] count = new int[n];
        long[][] raw = new long[n][];
        for (int d = 0; d < n; d++)
        {
            count[d] = axes[d].Count;
            raw[d] = [.. Enumerable.Range(0, count[d]).Select(axes[d].Raw)];
        }

        RuleVersion left = space.Left;
        RuleVersion right = space.Right;
        Condition? scope = space.Scope;
        ulong[] leftItems = space.Items(0);
        ulong[] rightItems = space.Items(1);
        bool[] validDate = [.. space.Dates.Representatives.Select(d => d is not null)];
        int dates = count[(int)SpaceAxis.ReceivedOn];
        const int Date = (int)SpaceAxis.ReceivedOn;
        const int Instrument = (int)SpaceAxis.Instrument;
        const int Preservation = (int)SpaceAxis.PreservationOnly;
        const int Offences = (int)SpaceAxis.Offences;
        const int Jurisdiction = (int)SpaceAxis.Jurisdiction;
        ulong[] euMember = new ulong[count[Jurisdiction] * dates];
        for (int j = 0; j < count[Jurisdiction]; j++)
        {
            for (int t = 0; t < dates; t++)
            {
                euMember[(j * dates) + t] = space.EuMember(j, t);
            }
        }

        int[] digit = new int[n];
        long[] product = new long[n + 1];
        product[0] = 1;
        var facts = default(FactVector);
        for (int d = 0; d < n; d++)
        {
            space.Apply(ref facts, d, 0);
            product[d + 1] = product[d] * raw[d][0];
        }

        long cell = 0;
        long classes = 0;
        long combinations = 0;
        long differing = 0;
        long differingCombinations = 0;
        while (true)
        {
            if (validDate[digit[Date]] && space.IsFeasible(digit[Instrument], digit[Preservation]))
            {
                int items = (digit[Offences] * dates) + digit[Date];
                facts[Fact.TosItems] = leftItems[items];
                facts[Fact.EuMemberState] = euMember[(digit[Jurisdiction] * dates) + digit[Date]];
                if (scope is null || scope.Holds(in facts))
                {
                    classes++;
                    combinations += product[n];
                    ItemOutcome l = ItemEvaluator.Evaluate(left, in facts);
                    facts[Fact.TosItems] = rightItems[items];
                    ItemOutcome r = ItemEvaluator.Evaluate(right, in facts);
                    if (l != r)
                    {
                        bool stop = mode switch
                        {
                            WalkMode.FirstDifference => true,
                            WalkMode.FirstWider => l == ItemOutcome.Permitted,
                            _ => false,
                        };
                        if (stop)
                        {
                            Stop = [.. digit];
                            StopLeft = l;
                            StopRight = r;
                            return;
                        }

                        if (mode == WalkMode.All)
                        {
                            differing++;
                            differingCombinations += product[n];
                            Cells.Add(cell);
                            Labels.Add((byte)(((int)l << 3) | (int)r));
                        }
                    }
                }
            }

            int turn = n - 1;
            while (turn >= 0 && digit[turn] + 1 == count[turn])
            {
                digit[turn] = 0;
                space.Apply(ref facts, turn, 0);
                turn--;
            }

            if (turn < 0)
            {
                break;
            }

            digit[turn]++;
            space.Apply(ref facts, turn, digit[turn]);
            for (int d = turn; d < n; d++)
            {
                product[d + 1] = product[d] * raw[d][digit[d]];
            }

            cell++;
        }

        Classes = classes;
        Combinations = combinations;
        DifferingClasses = differing;
        DifferingCombinations = differingCombinations;
    }
}
