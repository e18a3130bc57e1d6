using BenchmarkDotNet.Attributes;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Benchmarks;

/// <summary>The whole-domain comparison of V1 and V2: every class of facts their clauses tell apart, enumerated exactly.</summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    /// <summary>Compares V1 with V2 over the whole domain.</summary>
    /// <returns>The difference.</returns>
    [Benchmark]
    public VersionDifference Compare_V1ToV2() => VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2);
}
