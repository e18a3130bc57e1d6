using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The classes of the receipt date. The date matters to a version only through the Terms-of-Service items in force on
/// <see cref="RuleVersion.CatalogueDate"/>, so the timeline is cut where an item of a version's catalogue starts or ends
/// and where a version's effective period starts or ends (the catalogue date is clamped there); dates with the same items
/// in force for both versions share a class. A version none of whose clauses tests Terms-of-Service items ignores the date.
/// Where a clause tests EU membership, which is judged on the receipt date, the timeline is also cut where a State joined or
/// left the EU.
/// </summary>
internal sealed class DatePartition : AxisPartition
{
    private readonly (LocalDate From, LocalDate Until)[][] _ranges;

    private DatePartition((LocalDate From, LocalDate Until)[][] ranges, LocalDate?[] representatives, ulong[][] inForce)
        : base(SpaceAxis.ReceivedOn, "receivedOn", "receipt date")
    {
        _ranges = ranges;
        Representatives = representatives;
        InForce = inForce;
    }

    public override int Count => _ranges.Length;

    /// <summary>Gets, per class, a valid receipt date that stands for it, or <see langword="null"/> when the class holds no valid date.</summary>
    public LocalDate?[] Representatives { get; }

    /// <summary>Gets, per side (0 = left, 1 = right) and class, the Terms-of-Service items in force on the catalogue date (0 when the side ignores them).</summary>
    public ulong[][] InForce { get; }

    public static DatePartition Create(RuleVersion left, RuleVersion right, bool leftUsesItems, bool rightUsesItems, bool euTested)
    {
        RuleVersion[] versions = [left, right];
        bool[] uses = [leftUsesItems, rightUsesItems];
        var cuts = new SortedSet<LocalDate>();

        // EU membership is judged on the receipt date: where a clause tests it, the timeline is also cut where a State joined
        // or left, and dates share a class only with the same members.
        if (euTested)
        {
            foreach (LocalDate change in Internal.CountryCodes.EuMembershipChanges())
            {
                AddCut(cuts, change);
            }
        }

        for (int side = 0; side < 2; side++)
        {
            if (!uses[side])
            {
                continue;
            }

            RuleVersion version = versions[side];
            AddCut(cuts, version.EffectiveFrom);
            AddCut(cuts, After(version.EffectiveUntil));
            foreach (TosCatalogueEntry entry in version.TermsOfService.Entries)
            {
                AddCut(cuts, entry.InForceFrom);
                AddCut(cuts, After(entry.InForceUntil));
            }
        }

        // Consecutive intervals of the timeline, grouped by the items each side sees in force.
        var keys = new List<(ulong Left, ulong Right, System.Numerics.BigInteger Members)>();
        var ranges = new List<List<(LocalDate From, LocalDate Until)>>();
        LocalDate start = LocalDate.MinIsoValue;
        LocalDate[] bounds = [.. cuts];
        for (int i = 0; i <= bounds.Length; i++)
        {
            LocalDate until = i < bounds.Length ? bounds[i].PlusDays(-1) : LocalDate.MaxIsoValue;
            var key = (Items(left, leftUsesItems, start), Items(right, rightUsesItems, start), euTested ? Internal.CountryCodes.EuMembersOn(start) : System.Numerics.BigInteger.Zero);
            int index = keys.IndexOf(key);
            if (index < 0)
            {
                keys.Add(key);
                ranges.Add([(start, until)]);
            }
            else if (ranges[index][^1].Until.PlusDays(1) == start)
            {
                ranges[index][^1] = (ranges[index][^1].From, until);
            }
            else
            {
                ranges[index].Add((start, until));
            }

            if (i < bounds.Length)
            {
                start = bounds[i];
            }
        }

        (LocalDate, LocalDate)[][] classes = [.. ranges.Select(r => r.ToArray())];
        LocalDate?[] representatives = [.. classes.Select(c => Representative(c, left, right))];
        ulong[][] inForce = [[.. keys.Select(k => k.Left)], [.. keys.Select(k => k.Right)]];
        return new DatePartition(classes, representatives, inForce);
    }

    public override long Raw(int index) => 1;

    /// <summary>Returns the class of a receipt date.</summary>
    public int IndexOf(LocalDate date)
    {
        for (int c = 0; c < _ranges.Length; c++)
        {
            foreach ((LocalDate from, LocalDate until) in _ranges[c])
            {
                if (date >= from && date <= until)
                {
                    return c;
                }
            }
        }

        throw new InvalidOperationException("The timeline's classes cover every date.");
    }

    public override string Phrase(int index) => Text(_ranges[index]) ?? "received on any date";

    public override RegionCondition? Describe(ReadOnlySpan<ulong> classes)
    {
        var chosen = new List<(LocalDate From, LocalDate Until)>();
        for (int i = 0; i < Count; i++)
        {
            if (Has(classes, i))
            {
                chosen.AddRange(_ranges[i]);
            }
        }

        chosen.Sort((a, b) => a.From.CompareTo(b.From));
        var merged = new List<(LocalDate From, LocalDate Until)>();
        foreach ((LocalDate from, LocalDate until) in chosen)
        {
            if (merged.Count > 0 && merged[^1].Until < LocalDate.MaxIsoValue && merged[^1].Until.PlusDays(1) == from)
            {
                merged[^1] = (merged[^1].From, until);
            }
            else
            {
                merged.Add((from, until));
            }
        }

        string? text = Text(merged);
        return text is null ? null : new RegionCondition(Key, text, merged.Select(Value));
    }

    private static void AddCut(SortedSet<LocalDate> cuts, LocalDate? date)
    {
        if (date is LocalDate d && d > LocalDate.MinIsoValue)
        {
            cuts.Add(d);
        }
    }

    private static LocalDate? After(LocalDate? until) =>
        until is LocalDate u && u < LocalDate.MaxIsoValue ? u.PlusDays(1) : null;

    private static ulong Items(RuleVersion version, bool uses, LocalDate date) =>
        uses ? version.TermsOfService.InForceMask(version.CatalogueDate(date)) : 0;

    // A readable valid date: a version boundary when the class holds one, else a range end that is neither the first
    // nor the last date of the calendar, else any date a file can write other than the default (neither of which a
    // request can carry).
    private static LocalDate? Representative((LocalDate From, LocalDate Until)[] ranges, RuleVersion left, RuleVersion right)
    {
        LocalDate?[] candidates =
        [
            right.EffectiveFrom, right.EffectiveUntil, left.EffectiveFrom, left.EffectiveUntil,
            .. ranges.SelectMany(r => new LocalDate?[] { r.From, r.Until }),
        ];
        foreach (LocalDate? candidate in candidates)
        {
            if (candidate is LocalDate d && d > default(LocalDate) && d != LocalDate.MaxIsoValue
                && ranges.Any(r => d >= r.From && d <= r.Until))
            {
                return d;
            }
        }

        LocalDate first = default(LocalDate).PlusDays(1);
        foreach ((LocalDate from, LocalDate until) in ranges)
        {
            if (from >= first)
            {
                return from;
            }

            if (until >= first)
            {
                return first;
            }
        }

        return null;
    }

    private static string? Text(IReadOnlyList<(LocalDate From, LocalDate Until)> ranges)
    {
        if (ranges.Count == 1 && ranges[0].From == LocalDate.MinIsoValue && ranges[0].Until == LocalDate.MaxIsoValue)
        {
            return null;
        }

        return string.Join(" or ", ranges.Select(r => (r.From == LocalDate.MinIsoValue, r.Until == LocalDate.MaxIsoValue) switch
        {
            (true, false) => $"received on or before {IsoDates.Format(r.Until)}",
            (false, true) => $"received on or after {IsoDates.Format(r.From)}",
            _ when r.From == r.Until => $"received on {IsoDates.Format(r.From)}",
            _ => $"received {IsoDates.Format(r.From)} to {IsoDates.Format(r.Until)}",
        }));
    }

    private static string Value((LocalDate From, LocalDate Until) range) =>
        (range.From == LocalDate.MinIsoValue ? string.Empty : IsoDates.Format(range.From)) + ".." +
        (range.Until == LocalDate.MaxIsoValue ? string.Empty : IsoDates.Format(range.Until));

}
