using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// The decision record reader (<see cref="DecisionRecordJson.Read"/>). Oracles: a record read with any problem gives no
/// record; a record read cleanly is written and read back equal, to the same text.
/// </summary>
internal sealed class DecisionRecordTarget(IReadOnlyList<string> seeds, int seed) : ReaderTarget("records", seeds, seed)
{
    public override Verdict Check(FuzzInput input, long index)
    {
        ReadResult<DecisionRecord> result = DecisionRecordJson.Read(input.Text!);
        if (!result.Problems.IsValid)
        {
            return result.Value is null ? Verdict.Of(false) : Verdict.Broken("a record read with problems is still given");
        }

        if (result.Value is null)
        {
            return Verdict.Broken("no record was read, yet no problem was reported");
        }

        string written = DecisionRecordJson.Write(result.Value);
        ReadResult<DecisionRecord> again = DecisionRecordJson.Read(written);
        return again.IsValid && again.Value.Equals(result.Value) && DecisionRecordJson.Write(again.Value) == written
            ? Verdict.Of(true)
            : Verdict.Broken($"a record read cleanly does not round-trip: {(again.IsValid ? "it reads back different" : string.Join("; ", again.Problems.Problems))}");
    }
}
