using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// The event reader (<see cref="RequestEventJson.Read"/>: decisions, acknowledgements, disclosures, closings). Oracles: an
/// event read with any problem gives no event; an event read cleanly is written and read back equal, to the same text.
/// </summary>
internal sealed class RequestEventTarget(IReadOnlyList<string> seeds, int seed) : ReaderTarget("events", seeds, seed)
{
    public override Verdict Check(FuzzInput input, long index)
    {
        ReadResult<RequestEvent> result = RequestEventJson.Read(input.Text!);
        if (!result.Problems.IsValid)
        {
            return result.Value is null ? Verdict.Of(false) : Verdict.Broken("an event read with problems is still given");
        }

        if (result.Value is null)
        {
            return Verdict.Broken("no event was read, yet no problem was reported");
        }

        string written = RequestEventJson.Write(result.Value);
        ReadResult<RequestEvent> again = RequestEventJson.Read(written);
        return again.IsValid && again.Value.Equals(result.Value) && RequestEventJson.Write(again.Value) == written
            ? Verdict.Of(true)
            : Verdict.Broken($"an event read cleanly does not round-trip: {(again.IsValid ? "it reads back different" : string.Join("; ", again.Problems.Problems))}");
    }
}
