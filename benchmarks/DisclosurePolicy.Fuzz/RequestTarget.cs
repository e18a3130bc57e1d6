using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// The request reader (<see cref="RequestJson.Read"/> and <see cref="RequestJson.ReadMany"/>, in turn). Oracles: a
/// request read with any problem is decided closed by every engine (never <see cref="Decision.IsPermitted"/>, neither
/// explained nor decision-only); a request read cleanly is written and read back equal and decided alike.
/// </summary>
internal sealed class RequestTarget(IReadOnlyList<string> seeds, int seed, IReadOnlyList<DisclosureEngine> engines)
    : ReaderTarget("requests", seeds, seed)
{
    public override Verdict Check(FuzzInput input, long index)
    {
        // One object at a time through Read, every other input (arrays included) through ReadMany.
        IReadOnlyList<ReadResult<LegalRequest>> results = index % 2 == 0 && input.Text!.StartsWith('{')
            ? [RequestJson.Read(input.Text)]
            : RequestJson.ReadMany(input.Text!);
        bool clean = true;
        foreach (ReadResult<LegalRequest> result in results)
        {
            string? finding = result.IsValid ? RoundTrip(result.Value) : FailsClosed(result);
            if (finding is not null)
            {
                return Verdict.Broken(result.Index is int i ? $"request [{i}]: {finding}" : finding);
            }

            clean &= result.IsValid;
        }

        return Verdict.Of(clean);
    }

    private string? FailsClosed(ReadResult<LegalRequest> result)
    {
        if (result.Problems.IsValid)
        {
            return "no request was read, yet no problem was reported";
        }

        if (result.Value is null)
        {
            return null;
        }

        foreach (DisclosureEngine engine in engines)
        {
            Decision decision = engine.Evaluate(result.Value);
            DecisionOutcome decided = engine.Decide(result.Value);
            if (decision.IsPermitted || decided is DecisionOutcome.MayDisclose or DecisionOutcome.PartiallyPermitted)
            {
                return $"a request read with problems ({string.Join("; ", result.Problems.Problems)}) is permitted under {engine.Policy.Id}: {decision.Outcome} / {decided}";
            }
        }

        return null;
    }

    private string? RoundTrip(LegalRequest request)
    {
        string written = RequestJson.Write(request);
        ReadResult<LegalRequest> again = RequestJson.Read(written);
        if (!again.IsValid || !again.Value.Equals(request) || RequestJson.Write(again.Value) != written)
        {
            return $"a request read cleanly does not round-trip: {(again.IsValid ? "it reads back different" : string.Join("; ", again.Problems.Problems))}";
        }

        foreach (DisclosureEngine engine in engines)
        {
            if (!engine.Evaluate(request).Equals(engine.Evaluate(again.Value)))
            {
                return $"a request read back decides differently under {engine.Policy.Id}";
            }
        }

        return null;
    }
}
