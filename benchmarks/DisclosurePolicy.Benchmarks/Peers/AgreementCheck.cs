using System.Globalization;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Benchmarks.Workload;
using NodaTime.Testing;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>
/// Runs the four implementations of V2 (the library, hand-written C#, RulesEngine, ASP.NET Core authorization) over the same
/// requests and reports every request on which they disagree, so the benchmarks compare the same work.
/// </summary>
public static class AgreementCheck
{
    /// <summary>Decides every request four ways under V2.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>What each implementation said, and where they differ.</returns>
    public static async Task<AgreementReport> RunAsync(IReadOnlyList<LegalRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(RequestBatch.DecidedAt));
        var rulesEngine = new RulesEngineV2();
        using var authorization = new AuthorizationV2();
        var disagreements = new List<string>();
        var counts = new Dictionary<DecisionOutcome, int>();
        foreach (LegalRequest request in requests)
        {
            DecisionOutcome library = engine.Decide(request, BuiltInRules.V2);
            DecisionOutcome explained = engine.Evaluate(request, BuiltInRules.V2).Outcome;
            DecisionOutcome handWritten = HandWrittenV2.Decide(request);
            DecisionOutcome rules = await rulesEngine.DecideAsync(request).ConfigureAwait(false);
            DecisionOutcome authorized = await authorization.DecideAsync(request).ConfigureAwait(false);
            counts[library] = counts.GetValueOrDefault(library) + 1;
            if (explained != library || handWritten != library || rules != library || authorized != library)
            {
                disagreements.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{request.Id}: library {library} (explained {explained}), hand-written {handWritten}, RulesEngine {rules}, ASP.NET Core authorization {authorized}"));
            }
        }

        return new AgreementReport(requests.Count, counts, disagreements);
    }
}
