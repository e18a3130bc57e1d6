using FsCheck;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>Attaches <see cref="HistoryBatch"/> to properties.</summary>
public static class HistoryArbitraries
{
    public static Arbitrary<HistoryBatch> Batch() => HistoryBatch.Arbitrary();
}
