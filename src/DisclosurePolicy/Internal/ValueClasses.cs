using System.Numerics;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>
/// The one space of facts: how the tests of some conditions split a fact's values into classes whose members every
/// test treats alike. The reachability check of rule validation and the whole-domain comparison both enumerate these
/// classes, so a fact is split the same way wherever the rules are reasoned about.
/// </summary>
internal static class ValueClasses
{
    /// <summary>Every value of a fact, as its bit set.</summary>
    /// <param name="fact">A scalar, yes/no or set fact.</param>
    /// <returns>The bits of every value the fact can take.</returns>
    public static ulong All(Fact fact)
    {
        ulong all = 0;
        foreach (int value in FactInfo.Values(fact))
        {
            all |= FactVector.Bit(value);
        }

        return all;
    }

    /// <summary>Splits one-value-at-a-time facts (scalar, yes/no): each class is the set of values inside the same masks.</summary>
    /// <param name="all">The bits of every value.</param>
    /// <param name="masks">The masks the tests check the value against.</param>
    /// <returns>The members of each class, ordered by their lowest value.</returns>
    public static ulong[] Split(ulong all, IEnumerable<ulong> masks)
    {
        var classes = new List<ulong> { all };
        foreach (ulong mask in masks)
        {
            var next = new List<ulong>(classes.Count * 2);
            foreach (ulong c in classes)
            {
                if ((c & mask) != 0)
                {
                    next.Add(c & mask);
                }

                if ((c & ~mask) != 0)
                {
                    next.Add(c & ~mask);
                }
            }

            classes = next;
        }

        classes.Sort((a, b) => BitOperations.TrailingZeroCount(a).CompareTo(BitOperations.TrailingZeroCount(b)));
        return [.. classes];
    }

    /// <summary>
    /// Splits any-subset facts (offences, Terms-of-Service items): two subsets are alike when they meet the same tests.
    /// Only the subsets' signatures are enumerated, never the subsets themselves, so the cost follows what the tests tell
    /// apart, not the number of values.
    /// </summary>
    /// <param name="all">The bits of every value.</param>
    /// <param name="tests">The masks the tests check the set against (a test holds when the set meets its mask).</param>
    /// <returns>The distinct tests, and per class its signature over them, a smallest representative set and how many sets it holds.</returns>
    public static SetClasses Subsets(ulong all, IEnumerable<ulong> tests)
    {
        ulong[] distinct = [.. tests.Select(t => t & all).Where(t => t != 0).Distinct()];
        int words = Math.Max(1, (distinct.Length + 63) / 64);

        // Atoms: values that lie inside exactly the same tests.
        ulong[] atoms = Split(all, distinct);
        var signatures = new List<ulong[]> { new ulong[words] };
        var representatives = new List<ulong> { 0UL };
        var counts = new List<long> { 1L };
        var index = new Dictionary<ulong[], int>(WordsComparer.Instance) { [signatures[0]] = 0 };
        int untested = 0;
        foreach (ulong atom in atoms)
        {
            ulong[] signature = new ulong[words];
            for (int j = 0; j < distinct.Length; j++)
            {
                if ((atom & distinct[j]) != 0)
                {
                    signature[j >> 6] |= 1UL << (j & 63);
                }
            }

            int size = BitOperations.PopCount(atom);
            if (signature.All(w => w == 0))
            {
                // Values no test looks at: present or not, the class stays the same.
                untested += size;
                continue;
            }

            // Each existing class either lacks the atom (unchanged) or holds at least one of its values.
            long present = (1L << size) - 1;
            int existing = signatures.Count;
            long[] before = [.. counts];
            for (int i = 0; i < existing; i++)
            {
                ulong[] joined = new ulong[words];
                for (int w = 0; w < words; w++)
                {
                    joined[w] = signatures[i][w] | signature[w];
                }

                if (!index.TryGetValue(joined, out int target))
                {
                    target = signatures.Count;
                    index.Add(joined, target);
                    signatures.Add(joined);
                    representatives.Add(representatives[i] | (atom & (~atom + 1)));
                    counts.Add(0);
                }

                counts[target] = checked(counts[target] + checked(before[i] * present));
            }
        }

        long factor = 1L << untested;
        return new SetClasses(distinct, [.. signatures], [.. representatives], [.. counts.Select(c => checked(c * factor))]);
    }

    /// <summary>Splits the countries: each class is the set of codes inside the same tested code lists.</summary>
    /// <param name="codes">Every code, in the order the classes index.</param>
    /// <param name="tests">The code lists tested, and each group of States that joined and left the EU together when membership is tested.</param>
    /// <returns>The indexes into <paramref name="codes"/> of each class, named countries first.</returns>
    public static int[][] Countries(IReadOnlyList<string> codes, IEnumerable<IReadOnlyCollection<string>> tests)
    {
        var classes = new List<int[]> { Enumerable.Range(0, codes.Count).ToArray() };
        foreach (IReadOnlyCollection<string> test in tests)
        {
            var set = new HashSet<string>(test, StringComparer.Ordinal);
            var next = new List<int[]>(classes.Count * 2);
            foreach (int[] c in classes)
            {
                int[] inside = [.. c.Where(i => set.Contains(codes[i]))];
                int[] outside = [.. c.Where(i => !set.Contains(codes[i]))];
                if (inside.Length > 0)
                {
                    next.Add(inside);
                }

                if (outside.Length > 0)
                {
                    next.Add(outside);
                }
            }

            classes = next;
        }

        // Named countries first, then the large 'any other' classes, each by its first code.
        classes.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : a[0].CompareTo(b[0]));
        return [.. classes];
    }
}

/// <summary>The classes of an any-subset fact (see <see cref="ValueClasses.Subsets"/>).</summary>
/// <param name="Tests">The distinct tests, in the order of the signatures' bits.</param>
/// <param name="Signatures">Per class, which tests its sets meet.</param>
/// <param name="Representatives">Per class, a smallest set in it.</param>
/// <param name="Counts">Per class, how many sets it holds.</param>
internal sealed record SetClasses(ulong[] Tests, ulong[][] Signatures, ulong[] Representatives, long[] Counts);
