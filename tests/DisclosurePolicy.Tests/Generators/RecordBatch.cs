using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>Decision records with distinct request ids, as a recorder would hold them.</summary>
public sealed class RecordBatch(IReadOnlyList<DecisionRecord> records)
{
    public IReadOnlyList<DecisionRecord> Records { get; } = records;

    public override string ToString() => string.Join(Environment.NewLine, Records.Select(r => $"{r} [{r.Jurisdiction}, {r.Request.ReceivedOn:uuuu-MM-dd}]"));
}
