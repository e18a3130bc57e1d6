using System.Numerics;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The classes of a case's set of offences. Every clause test on offences, direct or through a version's Terms-of-Service
/// catalogue, asks whether the set meets some set of offences S (a test). An offence set's class is the list of tests it
/// meets; the classes are exactly the lists some offence set produces, found by combining the atoms of the partition the
/// tests induce (offences inside exactly the same tests).
/// </summary>
internal sealed class OffencePartition : AxisPartition
{
    private readonly ulong[] _tests;
    private readonly ulong[][] _signatures;
    private readonly long[] _raw;

    private OffencePartition(ulong[] tests, ulong[][] signatures, ulong[] representatives, long[] raw)
        : base(SpaceAxis.Offences, "offences", FactInfo.Describe(Fact.Offences))
    {
        _tests = tests;
        _signatures = signatures;
        Representatives = representatives;
        _raw = raw;
    }

    public override int Count => _signatures.Length;

    /// <summary>Gets, per class, the smallest offence set that stands for it (as <see cref="FactVector"/> bits).</summary>
    public ulong[] Representatives { get; }

    public static OffencePartition Create(IEnumerable<ulong> tests)
    {
        SetClasses classes = ValueClasses.Subsets(ValueClasses.All(Fact.Offences), tests);
        return new OffencePartition(classes.Tests, classes.Signatures, classes.Representatives, classes.Counts);
    }

    public override long Raw(int index) => _raw[index];

    /// <summary>Returns the class of an offence set.</summary>
    public int IndexOf(ulong offences)
    {
        ulong[] signature = new ulong[_signatures[0].Length];
        for (int j = 0; j < _tests.Length; j++)
        {
            if ((offences & _tests[j]) != 0)
            {
                signature[j >> 6] |= 1UL << (j & 63);
            }
        }

        for (int i = 0; i < _signatures.Length; i++)
        {
            if (WordsComparer.Instance.Equals(_signatures[i], signature))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The offence set matches no class.");
    }

    public override string Phrase(int index)
    {
        bool[] chosen = new bool[Count];
        chosen[index] = true;
        return Text(chosen) ?? "any offences, or none";
    }

    public override RegionCondition? Describe(ReadOnlySpan<ulong> classes)
    {
        bool[] chosen = new bool[Count];
        var values = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            chosen[i] = Has(classes, i);
            if (chosen[i])
            {
                values.Add(Phrase(i));
            }
        }

        string? text = Text(chosen);
        return text is null ? null : new RegionCondition(Key, text, values);
    }

    private static bool Meets(ulong[] signature, int test) => (signature[test >> 6] & (1UL << (test & 63))) != 0;

    private string? Text(bool[] chosen)
    {
        if (chosen.All(c => c))
        {
            return null;
        }

        // The tests every chosen class meets, and those none meets; when they pick out exactly the chosen classes,
        // they describe them in one phrase.
        var meets = new List<int>();
        var misses = new List<int>();
        for (int j = 0; j < _tests.Length; j++)
        {
            bool all = true;
            bool none = true;
            for (int i = 0; i < Count; i++)
            {
                if (chosen[i])
                {
                    all &= Meets(_signatures[i], j);
                    none &= !Meets(_signatures[i], j);
                }
            }

            if (all)
            {
                meets.Add(j);
            }
            else if (none)
            {
                misses.Add(j);
            }
        }

        bool exact = true;
        for (int i = 0; i < Count && exact; i++)
        {
            bool picked = meets.All(j => Meets(_signatures[i], j)) && misses.All(j => !Meets(_signatures[i], j));
            exact = picked == chosen[i];
        }

        if (exact)
        {
            return Conjunction(meets, misses);
        }

        var parts = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            if (chosen[i])
            {
                parts.Add($"({Phrase(i)})");
            }
        }

        return string.Join(" or ", parts);
    }

    private string Conjunction(List<int> meets, List<int> misses)
    {
        ulong excluded = 0;
        foreach (int j in misses)
        {
            excluded |= _tests[j];
        }

        // Within the offences not excluded, keep only the narrowest requirements: a set that holds another is implied.
        ulong[] required = [.. meets.Select(j => _tests[j] & ~excluded).Distinct()];
        // Ordered by their offences, so the words do not depend on the order the tests were found in.
        ulong[] narrowest = [.. required.Where(r => !required.Any(o => o != r && (o & ~r) == 0)).OrderBy(BitOperations.TrailingZeroCount).ThenBy(r => r)];
        var parts = narrowest.Select(r => BitOperations.PopCount(r) == 1 ? $"include {Names(r)[0]}" : $"include any of {JoinOr(Names(r))}").ToList();
        if (excluded != 0)
        {
            List<string> names = Names(excluded);
            parts.Add(parts.Count == 0
                ? names.Count == 1 ? $"do not include {names[0]}" : $"include none of {JoinOr(names)}"
                : names.Count == 1 ? $"not {names[0]}" : $"none of {JoinOr(names)}");
        }

        return parts.Count == 0 ? "any offences, or none" : $"{Name} {string.Join(", and ", parts)}";
    }

    private static List<string> Names(ulong offences)
    {
        var names = new List<string>();
        for (ulong rest = offences; rest != 0; rest &= rest - 1)
        {
            names.Add(FactInfo.ValueName(Fact.Offences, BitOperations.TrailingZeroCount(rest)));
        }

        return names;
    }
}
