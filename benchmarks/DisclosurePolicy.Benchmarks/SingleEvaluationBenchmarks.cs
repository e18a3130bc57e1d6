using BenchmarkDotNet.Attributes;
using DisclosurePolicy.Benchmarks.Peers;
using DisclosurePolicy.Benchmarks.Workload;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime.Testing;

namespace DisclosurePolicy.Benchmarks;

/// <summary>
/// One request under V2, five ways: hand-written C# (baseline), the library's decision only and its explained decision,
/// Microsoft RulesEngine and ASP.NET Core authorization.
/// </summary>
[MemoryDiagnoser]
public class SingleEvaluationBenchmarks : IDisposable
{
    private DisclosureEngine _engine = null!;
    private RulesEngineV2 _rulesEngine = null!;
    private AuthorizationV2 _authorization = null!;
    private LegalRequest _request = null!;

    /// <summary>Gets or sets the request's shape: permitted in full (1 account x 2 items) or in part (3 accounts x 3 items).</summary>
    [Params("Permitted", "Partial")]
    public string Request { get; set; } = "Permitted";

    /// <summary>Builds the implementations and the request.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(RequestBatch.DecidedAt));
        _rulesEngine = new RulesEngineV2();
        _authorization = new AuthorizationV2();
        _request = Request == "Partial" ? SampleRequests.Partial() : SampleRequests.Permitted();
    }

    /// <summary>Hand-written conditionals: the practical lower bound.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true)]
    public DecisionOutcome HandWritten_Decide() => HandWrittenV2.Decide(_request);

    /// <summary>The library, decision only (validates, selects the version by receipt date, decides every item).</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public DecisionOutcome Library_Decide() => _engine.Decide(_request);

    /// <summary>The library, explained decision (reasons citing the clauses, item results, obligations).</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Decision Library_Evaluate() => _engine.Evaluate(_request);

    /// <summary>Microsoft RulesEngine: one workflow execution per item, one rule per clause.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public Task<DecisionOutcome> RulesEngine_Decide() => _rulesEngine.DecideAsync(_request);

    /// <summary>ASP.NET Core authorization: one policy evaluation per item, one requirement per clause.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public Task<DecisionOutcome> AspNetCoreAuthorization_Decide() => _authorization.DecideAsync(_request);

    /// <summary>Releases the authorization service provider.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _authorization?.Dispose();
        GC.SuppressFinalize(this);
    }
}
