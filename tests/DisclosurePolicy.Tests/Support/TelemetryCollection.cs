using Xunit;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Tests that listen to the library's meter or activity source, or that measure allocations, which any listener
/// would disturb: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
