using BenchmarkDotNet.Attributes;
using DisclosurePolicy.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using DisclosurePolicy.Benchmarks.Workload;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Benchmarks;

/// <summary>
/// Resolving the engine through dependency injection (<c>services.AddDisclosurePolicy()</c>): the start-up cost (building
/// the provider, validating the options, compiling the rules) and the cost per resolution from a built provider.
/// </summary>
[MemoryDiagnoser]
public class HostingBenchmarks : IDisposable
{
    private ServiceProvider _provider = null!;

    /// <summary>Builds the provider the per-resolution benchmark uses.</summary>
    [GlobalSetup]
    public void Setup() => _provider = Services().BuildServiceProvider();

    /// <summary>Start-up: register, build the provider and resolve the engine for the first time.</summary>
    /// <returns>The engine.</returns>
    [Benchmark(Baseline = true)]
    public DisclosureEngine ResolveEngine_FirstTime()
    {
        using ServiceProvider provider = Services().BuildServiceProvider();
        return provider.GetRequiredService<DisclosureEngine>();
    }

    /// <summary>Per request: resolve the (singleton) engine from a built provider.</summary>
    /// <returns>The engine.</returns>
    [Benchmark]
    public DisclosureEngine ResolveEngine_FromBuiltProvider() => _provider.GetRequiredService<DisclosureEngine>();

    /// <summary>Releases the provider.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _provider?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(RequestBatch.DecidedAt));
        services.AddDisclosurePolicy();
        return services;
    }
}
