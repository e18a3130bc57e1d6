using BenchmarkDotNet.Attributes;
using DisclosurePolicy.Benchmarks.Peers;
using DisclosurePolicy.Benchmarks.Workload;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime.Testing;

namespace DisclosurePolicy.Benchmarks;

/// <summary>
/// The 10,000 generated requests (mixed receipt dates, outcomes and sizes; <see cref="RequestBatch"/>) decided under V2 by
/// each implementation, plus the library deciding each under the version in force on its receipt date.
/// </summary>
/// <remarks><para>Each method returns a checksum of the outcomes so no work is optimised away.</para></remarks>
[MemoryDiagnoser]
public class BatchBenchmarks : IDisposable
{
    private DisclosureEngine _engine = null!;
    private RulesEngineV2 _rulesEngine = null!;
    private AuthorizationV2 _authorization = null!;
    private LegalRequest[] _requests = null!;

    /// <summary>Builds the implementations and generates the batch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(RequestBatch.DecidedAt));
        _rulesEngine = new RulesEngineV2();
        _authorization = new AuthorizationV2();
        _requests = RequestBatch.Generate();
    }

    /// <summary>Hand-written conditionals: the practical lower bound.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(Baseline = true)]
    public int HandWritten_DecideBatch()
    {
        int sum = 0;
        foreach (LegalRequest request in _requests)
        {
            sum += (int)HandWrittenV2.Decide(request);
        }

        return sum;
    }

    /// <summary>The library, decision only, under V2.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark]
    public int Library_DecideBatch()
    {
        int sum = 0;
        foreach (LegalRequest request in _requests)
        {
            sum += (int)_engine.Decide(request, BuiltInRules.V2);
        }

        return sum;
    }

    /// <summary>The library, explained decisions, under V2.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark]
    public int Library_EvaluateBatch()
    {
        int sum = 0;
        foreach (LegalRequest request in _requests)
        {
            sum += (int)_engine.Evaluate(request, BuiltInRules.V2).Outcome;
        }

        return sum;
    }

    /// <summary>The library, decision only, each request under the version in force when it was received (V0, V1 or V2).</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark]
    public int Library_DecideBatch_VersionByReceivedDate()
    {
        int sum = 0;
        foreach (LegalRequest request in _requests)
        {
            sum += (int)_engine.Decide(request);
        }

        return sum;
    }

    /// <summary>Microsoft RulesEngine, under V2.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark]
    public async Task<int> RulesEngine_DecideBatch()
    {
        int sum = 0;
        foreach (LegalRequest request in _requests)
        {
            sum += (int)await _rulesEngine.DecideAsync(request).ConfigureAwait(false);
        }

        return sum;
    }

    /// <summary>ASP.NET Core authorization, under V2.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark]
    public async Task<int> AspNetCoreAuthorization_DecideBatch()
    {
        int sum = 0;
        foreach (LegalRequest request in _requests)
        {
            sum += (int)await _authorization.DecideAsync(request).ConfigureAwait(false);
        }

        return sum;
    }

    /// <summary>Releases the authorization service provider.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _authorization?.Dispose();
        GC.SuppressFinalize(this);
    }
}
