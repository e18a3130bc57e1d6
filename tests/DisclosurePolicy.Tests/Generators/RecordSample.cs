using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>One decision record made by the built-in engine from a generated request.</summary>
public sealed class RecordSample(DecisionRecord record)
{
    public DecisionRecord Record { get; } = record;

    public override string ToString() => $"{Record}{Environment.NewLine}{DisclosurePolicy.Serialization.RequestJson.Write(Record.Request)}";
}
