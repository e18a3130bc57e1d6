using System.Collections.Frozen;
using NodaTime;

namespace DisclosurePolicy.Internal;

/// <summary>ISO 3166-1 alpha-2 codes and EU membership with its dates, as fixed reference data.</summary>
internal static class CountryCodes
{
    /// <summary>The bit <see cref="Classify"/> sets for an assigned code.</summary>
    public const byte KnownBit = 1;

    /// <summary>The bit <see cref="Classify"/> sets for an EU member state.</summary>
    public const byte EuBit = 2;

    // Officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which courts and registries use in practice.
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
        "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
        "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
        "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
        "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK";

    // Membership of the European Union (and before 1993 of the European Communities it continues), as the date a State's
    // accession took effect and, for the one State that left, its last day as a member. Sources: the accession treaties as
    // listed by the EU (european-union.europa.eu, "EU countries"), and the Withdrawal Agreement (OJ L 29, 31.1.2020, p. 7),
    // in force on 2020-02-01, so the United Kingdom was a member until 2020-01-31.
    private static readonly (string Codes, LocalDate From, LocalDate? Until)[] EuAccessions =
    [
        ("BE DE FR IT LU NL", new LocalDate(1958, 1, 1), null),
        ("DK IE", new LocalDate(1973, 1, 1), null),
        ("GB", new LocalDate(1973, 1, 1), new LocalDate(2020, 1, 31)),
        ("GR", new LocalDate(1981, 1, 1), null),
        ("ES PT", new LocalDate(1986, 1, 1), null),
        ("AT FI SE", new LocalDate(1995, 1, 1), null),
        ("CY CZ EE HU LT LV MT PL SI SK", new LocalDate(2004, 5, 1), null),
        ("BG RO", new LocalDate(2007, 1, 1), null),
        ("HR", new LocalDate(2013, 7, 1), null),
    ];

    // Each State that ever was a member, with its period.
    private static readonly FrozenDictionary<string, EuMembership> Memberships = EuAccessions
        .SelectMany(a => a.Codes.Split(' ').Select(code => (code, new EuMembership(a.From, a.Until))))
        .ToFrozenDictionary(p => p.code, p => p.Item2, StringComparer.Ordinal);

    // The 27 member states of the European Union today (the last period of the data).
    private static readonly FrozenSet<string> Eu =
        Memberships.Where(m => m.Value.Until is null).Select(m => m.Key).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Known =
        Assigned.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    // Both facts about a code in one lookup: bit 0 assigned, bit 1 an EU member state.
    // Bits 0 and 1 as above; bits 4 to 7 hold one plus the index of the State's accession in EuAccessions (0: never a
    // member), so a jurisdiction judges membership on a date without another lookup.
    private static readonly FrozenDictionary<string, byte> Classes =
        Assigned.Split(' ').ToFrozenDictionary(code => code, Class, StringComparer.Ordinal);

    /// <summary>Every assigned code, in the order listed above.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Assigned.Split(' '));

    public static bool IsAssigned(string code) => Known.Contains(code);

    /// <summary>Whether the State is a member of the European Union today (the latest period the data holds).</summary>
    public static bool IsEuMember(string code) => Eu.Contains(code);

    /// <summary>Whether the State was a member of the European Union on a date.</summary>
    public static bool IsEuMember(string code, LocalDate on) => Memberships.TryGetValue(code, out EuMembership m) && m.Contains(on);

    /// <summary>Every State that ever was a member, grouped by identical membership periods (for the comparison's classes).</summary>
    public static IEnumerable<string[]> EuMembershipGroups() =>
        Memberships.GroupBy(m => m.Value).Select(g => g.Select(m => m.Key).Order(StringComparer.Ordinal).ToArray());

    /// <summary>The days on which some State's membership began or ended (the day after its last day).</summary>
    public static IEnumerable<LocalDate> EuMembershipChanges() =>
        EuAccessions.SelectMany(a => a.Until is LocalDate last ? new[] { a.From, last.PlusDays(1) } : [a.From]).Distinct();

    /// <summary>The States that were members on a date, as a bit set over <see cref="All"/>'s order, for grouping dates.</summary>
    public static System.Numerics.BigInteger EuMembersOn(LocalDate on)
    {
        System.Numerics.BigInteger bits = 0;
        for (int i = 0; i < All.Count; i++)
        {
            if (IsEuMember(All[i], on))
            {
                bits |= System.Numerics.BigInteger.One << i;
            }
        }

        return bits;
    }

    /// <summary>A membership period; both ends included.</summary>
    private readonly record struct EuMembership(LocalDate From, LocalDate? Until)
    {
        public bool Contains(LocalDate date) => date >= From && (Until is not LocalDate last || date <= last);
    }

    /// <summary>Whether the code is assigned (<see cref="KnownBit"/>) and an EU member state today (<see cref="EuBit"/>), with
    /// its membership period for <see cref="IsEuMember(byte, LocalDate)"/>, in one lookup.</summary>
    public static byte Classify(string code) => Classes.TryGetValue(code, out byte bits) ? bits : (byte)0;

    /// <summary>Whether a State, given by its <see cref="Classify"/> bits, was a member of the European Union on a date.</summary>
    public static bool IsEuMember(byte classBits, LocalDate on)
    {
        int accession = classBits >> 4;
        if (accession == 0)
        {
            return false;
        }

        (_, LocalDate from, LocalDate? until) = EuAccessions[accession - 1];
        return on >= from && (until is not LocalDate last || on <= last);
    }

    private static byte Class(string code)
    {
        int accession = Array.FindIndex(EuAccessions, a => a.Codes.Split(' ').Contains(code)) + 1;
        return (byte)(KnownBit | (Eu.Contains(code) ? EuBit : 0) | (accession << 4));
    }
}
