using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The classes of the issuing jurisdiction: countries split by membership in every country set the clauses test (and,
/// when a clause tests EU membership, by the period of their membership, so each class has one EU answer on any date).
/// </summary>
internal sealed class JurisdictionPartition : AxisPartition
{
    private static readonly string[] Preferred = ["US", "DE", "FR", "IN", "GB", "BR"];

    private readonly IReadOnlyList<string> _codes;
    private readonly int[][] _classes;
    private readonly bool _euTested;

    private JurisdictionPartition(IReadOnlyList<string> codes, int[][] classes, bool euTested)
        : base(SpaceAxis.Jurisdiction, "jurisdiction", FactInfo.Describe(Rules.Fact.Jurisdiction))
    {
        _codes = codes;
        _classes = classes;
        _euTested = euTested;
        Representatives = [.. classes.Select(Representative)];
    }

    public override int Count => _classes.Length;

    /// <summary>Gets, per class, the country that stands for it.</summary>
    public string[] Representatives { get; }

    /// <summary>Gets the EU-membership bits of a class's representative on a date: the same for every country of the class
    /// when EU membership is tested, since the States are then split by their membership periods.</summary>
    public ulong EuBits(int index, NodaTime.LocalDate on) => FactVector.Bit(CountryCodes.IsEuMember(Representatives[index], on));

    public static JurisdictionPartition Create(IEnumerable<string[]> tests, bool euTested)
    {
        string[] codes = [.. CountryCodes.All.Order(StringComparer.Ordinal)];
        IEnumerable<string[]> all = euTested ? tests.Concat(CountryCodes.EuMembershipGroups()) : tests;
        return new JurisdictionPartition(codes, ValueClasses.Countries(codes, all), euTested);
    }

    public override long Raw(int index) => _classes[index].Length;

    /// <summary>Returns the class of a country code.</summary>
    public int IndexOf(string code)
    {
        for (int c = 0; c < _classes.Length; c++)
        {
            foreach (int i in _classes[c])
            {
                if (string.Equals(_codes[i], code, StringComparison.Ordinal))
                {
                    return c;
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(code), code, "Not an ISO 3166-1 alpha-2 country code.");
    }

    public override string Phrase(int index)
    {
        bool[] members = new bool[_codes.Count];
        foreach (int i in _classes[index])
        {
            members[i] = true;
        }

        return Text(members) ?? "any issuing jurisdiction";
    }

    public override RegionCondition? Describe(ReadOnlySpan<ulong> classes)
    {
        bool[] members = new bool[_codes.Count];
        for (int c = 0; c < _classes.Length; c++)
        {
            if (Has(classes, c))
            {
                foreach (int i in _classes[c])
                {
                    members[i] = true;
                }
            }
        }

        string? text = Text(members);
        return text is null ? null : new RegionCondition(Key, text, Codes(members, true));
    }

    private string? Text(bool[] members)
    {
        List<string> inside = Codes(members, true);
        if (inside.Count == _codes.Count)
        {
            return null;
        }

        // Within the smallest universe that holds the set (EU members, countries outside the EU, or all); a set that
        // straddles the EU line may read better as one part on each side.
        string whole = Part(members, "country", _ => true);
        if (!_euTested)
        {
            return $"{Name} is {whole}";
        }

        bool anyEu = inside.Any(CountryCodes.IsEuMember);
        bool anyOther = inside.Any(c => !CountryCodes.IsEuMember(c));
        string eu = Part(members, "EU member state", CountryCodes.IsEuMember);
        string other = Part(members, "country outside the EU", c => !CountryCodes.IsEuMember(c));
        string split = $"{eu} or {other}";
        return (anyEu, anyOther) switch
        {
            (true, false) => $"{Name} is {eu}",
            (false, true) => $"{Name} is {other}",
            _ => $"{Name} is {(split.Length < whole.Length ? split : whole)}",
        };
    }

    private string Part(bool[] members, string universe, Func<string, bool> within)
    {
        var inside = _codes.Where((c, i) => members[i] && within(c)).ToList();
        var outside = _codes.Where((c, i) => !members[i] && within(c)).ToList();
        return outside.Count == 0 ? $"any {universe}"
            : inside.Count <= outside.Count || inside.Count <= 6 ? JoinOr(inside)
            : $"any {universe} except {string.Join(", ", outside)}";
    }

    private List<string> Codes(bool[] members, bool inside) => [.. _codes.Where((_, i) => members[i] == inside)];

    private string Representative(int[] members)
    {
        foreach (string code in Preferred)
        {
            foreach (int i in members)
            {
                if (string.Equals(_codes[i], code, StringComparison.Ordinal))
                {
                    return code;
                }
            }
        }

        return _codes[members[0]];
    }
}
