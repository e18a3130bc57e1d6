using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>
/// The facts of one account and data item as bit sets, so a condition is one mask test. Scalar facts hold the single bit
/// of their value; yes/no facts hold bit 0 for no and bit 1 for yes; set facts hold one bit per member.
/// </summary>
internal struct FactVector
{
    public ulong Instrument;
    public ulong Authority;
    public ulong EuMember;
    public ulong Proceeding;
    public ulong OrderValid;
    public ulong IssuerRelevant;
    public ulong Recipient;
    public ulong Verification;
    public ulong PreservationOnly;
    public ulong EmergencyClaim;
    public ulong Analysis;
    public ulong Status;
    public ulong Offences;
    public ulong TosItems;
    public ulong Category;
    public string Jurisdiction;

    public static ulong Bit(int value) => 1UL << value;

    public static ulong Bit(bool value) => value ? 2UL : 1UL;

    public readonly ulong Bits(Fact fact) => fact switch
    {
        Fact.Instrument => Instrument,
        Fact.AuthorityKind => Authority,
        Fact.EuMemberState => EuMember,
        Fact.Proceeding => Proceeding,
        Fact.OrderValid => OrderValid,
        Fact.IssuerRelevant => IssuerRelevant,
        Fact.Recipient => Recipient,
        Fact.OriginVerification => Verification,
        Fact.PreservationOnly => PreservationOnly,
        Fact.EmergencyClaim => EmergencyClaim,
        Fact.LegalAnalysis => Analysis,
        Fact.SubjectStatus => Status,
        Fact.Offences => Offences,
        Fact.TosItems => TosItems,
        Fact.DataCategory => Category,
        _ => 0UL,
    };
}
