using System.Collections.Frozen;

namespace DisclosurePolicy.Internal;

/// <summary>ISO 3166-1 alpha-2 codes and EU membership, as fixed reference data.</summary>
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

    // The 27 member states of the European Union.
    private const string EuMembers =
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";

    private static readonly FrozenSet<string> Known =
        Assigned.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Eu =
        EuMembers.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    // Both facts about a code in one lookup: bit 0 assigned, bit 1 an EU member state.
    private static readonly FrozenDictionary<string, byte> Classes =
        Assigned.Split(' ').ToFrozenDictionary(code => code, code => (byte)(Eu.Contains(code) ? KnownBit | EuBit : KnownBit), StringComparer.Ordinal);

    /// <summary>Every assigned code, in the order listed above.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Assigned.Split(' '));

    public static bool IsAssigned(string code) => Known.Contains(code);

    public static bool IsEuMember(string code) => Eu.Contains(code);

    /// <summary>Whether the code is assigned (<see cref="KnownBit"/>) and an EU member state (<see cref="EuBit"/>), in one lookup.</summary>
    public static byte Classify(string code) => Classes.TryGetValue(code, out byte bits) ? bits : (byte)0;
}
