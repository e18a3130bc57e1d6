using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// The rules reader (<see cref="PolicyJson.Read"/>). Oracles: rules read with any problem give no policy; rules read
/// cleanly are written and read back to the same text.
/// </summary>
internal sealed class PolicyTarget(IReadOnlyList<string> seeds, int seed) : ReaderTarget("rules", seeds, seed)
{
    public override Verdict Check(FuzzInput input, long index)
    {
        ReadResult<Policy> result = PolicyJson.Read(input.Text!);
        if (!result.Problems.IsValid)
        {
            return result.Value is null ? Verdict.Of(false) : Verdict.Broken("rules read with problems still give a policy");
        }

        if (result.Value is null)
        {
            return Verdict.Broken("no policy was read, yet no problem was reported");
        }

        string written = PolicyJson.Write(result.Value);
        ReadResult<Policy> again = PolicyJson.Read(written);
        return again.IsValid && PolicyJson.Write(again.Value) == written
            ? Verdict.Of(true)
            : Verdict.Broken($"rules read cleanly do not round-trip: {(again.IsValid ? "they read back different" : string.Join("; ", again.Problems.Problems))}");
    }

    // The whole built-in policy (three versions) costs ten times a single version: one input in twenty starts from it.
    protected override int PickSeed() => Random.Next(20) == 0 ? 0 : 1 + Random.Next(SeedCount - 1);
}
