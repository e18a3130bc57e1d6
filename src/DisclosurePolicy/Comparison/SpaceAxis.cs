namespace DisclosurePolicy.Comparison;

/// <summary>
/// The axes of the input space of one item (one account and one data category), in the order they are enumerated:
/// the receipt date (through the Terms-of-Service catalogue epochs) outermost, the data category innermost.
/// </summary>
internal enum SpaceAxis
{
    ReceivedOn = 0,
    Instrument,
    Authority,
    Jurisdiction,
    Proceeding,
    OrderValid,
    IssuerRelevant,
    Recipient,
    Verification,
    PreservationOnly,
    EmergencyClaim,
    Analysis,
    Status,
    Offences,
    Category,
}
