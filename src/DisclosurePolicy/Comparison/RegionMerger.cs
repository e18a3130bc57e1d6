namespace DisclosurePolicy.Comparison;

/// <summary>
/// Merges the differing classes into compact, disjoint regions (products of class sets, one set per axis) with the same
/// pair of outcomes. Along one axis at a time, regions that agree on every other axis are joined; passes repeat over all
/// axes until nothing joins. Combinations no valid request can take (a preservation instrument with disclosure asked) may
/// be added to a region when that lets it cover an axis fully, since no request ever falls there.
/// </summary>
internal static class RegionMerger
{
    public static List<(ulong[] Words, int Label)> Merge(DomainWalk walk)
    {
        InputSpace space = walk.Space;
        int[] offsets = space.Offsets;
        var cubes = new List<(ulong[] Words, int Label)>(walk.Cells.Count);
        for (int i = 0; i < walk.Cells.Count; i++)
        {
            int[] digits = DomainWalk.Digits(space, walk.Cells[i]);
            ulong[] words = new ulong[space.Words];
            for (int d = 0; d < digits.Length; d++)
            {
                int bit = digits[d];
                words[offsets[d] + (bit >> 6)] |= 1UL << (bit & 63);
            }

            cubes.Add((words, walk.Labels[i]));
        }

        bool joined = true;
        while (joined)
        {
            joined = false;
            for (int axis = 0; axis < space.Axes.Length; axis++)
            {
                if (space.Axes[axis].Count == 1)
                {
                    continue;
                }

                int before = cubes.Count;
                cubes = Pass(space, cubes, axis);
                joined |= cubes.Count < before;
            }
        }

        return cubes;
    }

    private static List<(ulong[] Words, int Label)> Pass(InputSpace space, List<(ulong[] Words, int Label)> cubes, int axis)
    {
        int start = space.Offsets[axis];
        int end = space.Offsets[axis + 1];
        var index = new Dictionary<CubeKey, int>(cubes.Count);
        var next = new List<(ulong[] Words, int Label)>(cubes.Count);
        foreach ((ulong[] words, int label) in cubes)
        {
            var key = new CubeKey(words, label, start, end);
            if (index.TryGetValue(key, out int found))
            {
                ulong[] target = next[found].Words;
                for (int w = start; w < end; w++)
                {
                    target[w] |= words[w];
                }
            }
            else
            {
                index.Add(key, next.Count);
                next.Add((words, label));
            }
        }

        if (axis is (int)SpaceAxis.Instrument or (int)SpaceAxis.PreservationOnly)
        {
            foreach ((ulong[] words, _) in next)
            {
                CompleteWithImpossible(space, words, axis);
            }
        }

        return next;
    }

    // Fills the axis when every class it lacks would only add combinations no valid request takes.
    private static void CompleteWithImpossible(InputSpace space, ulong[] words, int axis)
    {
        int instrument = (int)SpaceAxis.Instrument;
        int preservation = (int)SpaceAxis.PreservationOnly;
        ReadOnlySpan<ulong> instruments = words.AsSpan(space.Offsets[instrument], space.Offsets[instrument + 1] - space.Offsets[instrument]);
        ReadOnlySpan<ulong> answers = words.AsSpan(space.Offsets[preservation], space.Offsets[preservation + 1] - space.Offsets[preservation]);
        int count = space.Axes[axis].Count;
        for (int c = 0; c < count; c++)
        {
            bool present = AxisPartition.Has(axis == instrument ? instruments : answers, c);
            if (present)
            {
                continue;
            }

            // The missing class adds only impossible combinations when it pairs with nothing feasible in the region.
            bool impossible = true;
            int others = space.Axes[axis == instrument ? preservation : instrument].Count;
            for (int o = 0; o < others && impossible; o++)
            {
                bool other = AxisPartition.Has(axis == instrument ? answers : instruments, o);
                impossible = !other || !(axis == instrument ? space.IsFeasible(c, o) : space.IsFeasible(o, c));
            }

            if (!impossible)
            {
                return;
            }
        }

        for (int c = 0; c < count; c++)
        {
            words[space.Offsets[axis] + (c >> 6)] |= 1UL << (c & 63);
        }
    }

    private readonly struct CubeKey : IEquatable<CubeKey>
    {
        private readonly ulong[] _words;
        private readonly int _label;
        private readonly int _skipStart;
        private readonly int _skipEnd;

        public CubeKey(ulong[] words, int label, int skipStart, int skipEnd)
        {
            _words = words;
            _label = label;
            _skipStart = skipStart;
            _skipEnd = skipEnd;
        }

        public bool Equals(CubeKey other)
        {
            if (_label != other._label)
            {
                return false;
            }

            ReadOnlySpan<ulong> a = _words;
            ReadOnlySpan<ulong> b = other._words;
            return a[.._skipStart].SequenceEqual(b[.._skipStart]) && a[_skipEnd..].SequenceEqual(b[_skipEnd..]);
        }

        public override bool Equals(object? obj) => obj is CubeKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = default(HashCode);
            hash.Add(_label);
            for (int w = 0; w < _words.Length; w++)
            {
                if (w < _skipStart || w >= _skipEnd)
                {
                    hash.Add(_words[w]);
                }
            }

            return hash.ToHashCode();
        }
    }
}
