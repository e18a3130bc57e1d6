using BenchmarkDotNet.Attributes;
using DisclosurePolicy.Benchmarks.Peers;
using DisclosurePolicy.Benchmarks.Workload;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Benchmarks;

/// <summary>
/// Where the time of one decision goes: each step of <see cref="DisclosureEngine.Decide(LegalRequest)"/> and of the
/// explained decision measured on its own, on the fully permitted request, against the hand-written baseline.
/// </summary>
/// <remarks><para>Uses the library's internals (granted to this project): a profile, not an API.</para></remarks>
[MemoryDiagnoser]
public class DecisionProfileBenchmarks
{
    private static readonly Instant DecidedAt = RequestBatch.DecidedAt;
    private DisclosureEngine _engine = null!;
    private LegalRequest _request = null!;
    private RuleVersion _version = null!;
    private FactVector _orderFacts;
    private RuleSet _rules = null!;

    /// <summary>Builds the engine, the request and its order facts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(DecidedAt));
        _request = SampleRequests.Permitted();
        _version = BuiltInRules.V2;
        _orderFacts = FactReader.ForOrder(_request);
        _rules = new RuleSet(BuiltInRules.Policy, DateTimeZone.Utc);
    }

    /// <summary>Hand-written conditionals.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark(Baseline = true)]
    public DecisionOutcome HandWritten_Decide() => HandWrittenV2.Decide(_request);

    /// <summary>The whole decision-only path.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public DecisionOutcome Decide_Whole() => _engine.Decide(_request);

    /// <summary>Step 1: the validity check (every field, account and category).</summary>
    /// <returns>Whether the request is valid.</returns>
    [Benchmark]
    public bool Decide_Step1_Validate() => RequestValidator.IsValid(_request, _engine.Today);

    /// <summary>Step 2: selecting the version in force on the receipt date.</summary>
    /// <returns>The version.</returns>
    [Benchmark]
    public RuleVersion? Decide_Step2_SelectVersion() => _engine.Policy.VersionInForceOn(_request.ReceivedOn, _request.Jurisdiction);

    /// <summary>Step 3: reading the order's facts into bit sets.</summary>
    /// <returns>One of the facts.</returns>
    [Benchmark]
    public ulong Decide_Step3_ReadOrderFacts() => FactReader.ForOrder(_request)[Fact.LegalAnalysis];

    /// <summary>Step 4: the order-level clauses (9 of V2's 13), evaluated once per request.</summary>
    /// <returns>The effects that fired.</returns>
    [Benchmark]
    public int Decide_Step4_OrderClauses() => ItemEvaluator.Fire(_version.ClauseArray, _version.OrderClauseIndexes, in _orderFacts, FiredEffects.None, []).FirstDeny;

    /// <summary>The decision under a given version: validation, facts and every clause, without version selection.</summary>
    /// <returns>The outcome.</returns>
    [Benchmark]
    public DecisionOutcome Decide_GivenVersion() => _engine.Decide(_request, _version);

    /// <summary>The whole explained path.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Decision Evaluate_Whole() => _engine.Evaluate(_request);

    /// <summary>The explained path without validation, clock and version selection: items, reasons, obligations.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public Decision Evaluate_BuildDecision() => DecisionBuilder.Decide(_request, _version, DecidedAt, _rules);

    /// <summary>Of which: the transparency-report period and its wording.</summary>
    /// <returns>The period's text.</returns>
    [Benchmark]
    public string Evaluate_ReportPeriodText() => ReportingPeriod.Containing(DecidedAt.InZone(DateTimeZone.Utc).Date, ReportingCadence.Quarterly).ToString();
}
