using BenchmarkDotNet.Attributes;
using DisclosurePolicy.Benchmarks.Peers;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using RulesEngine.Models;

namespace DisclosurePolicy.Benchmarks;

/// <summary>
/// Loading rules from JSON: the library reading and validating the built-in policy (V0, V1 and V2, every clause checked,
/// including which clauses can never fire), beside RulesEngine loading its V2 workflow and compiling it on first use.
/// </summary>
[MemoryDiagnoser]
public class RuleLoadingBenchmarks
{
    private string _policyJson = null!;
    private V2Item _item = null!;

    /// <summary>Reads the texts once, so only parsing and validation are measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _policyJson = BuiltInRules.Json;
        Requests.LegalRequest request = Workload.SampleRequests.Permitted();
        _item = new V2Item(request, request.Subjects[0], request.RequestedData[0]);
    }

    /// <summary>The library: parse the built-in policy's JSON, compile and validate every version and clause.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">The built-in JSON does not read back (a bug).</exception>
    [Benchmark(Baseline = true)]
    public Policy Library_ReadBuiltInRules()
    {
        ReadResult<Policy> result = PolicyJson.Read(_policyJson);
        return result.Value ?? throw new InvalidOperationException(result.Problems.ToString());
    }

    /// <summary>RulesEngine: deserialize the V2 workflow, build the engine and run it once (which compiles the rules).</summary>
    /// <returns>The rule results.</returns>
    [Benchmark]
    public async Task<List<RuleResultTree>> RulesEngine_LoadAndCompileV2()
    {
        Workflow[] workflows = RulesEngineV2.LoadWorkflows();
        var engine = new RulesEngine.RulesEngine(workflows, new ReSettings());
        return await engine.ExecuteAllRulesAsync(RulesEngineV2.WorkflowName, _item).ConfigureAwait(false);
    }
}
