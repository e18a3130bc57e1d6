using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Tests.Records.Contract;

/// <summary>The contract for the JSON Lines store, whose file allows one writer: the second writer is the same recorder.</summary>
public sealed class JsonLinesDecisionRecorderContractTests : DecisionRecorderContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-contract-").FullName;
    private readonly List<JsonLinesDecisionRecorder> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(r => r.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    protected override Task<IDecisionRecorder> CreateAsync()
    {
        JsonLinesDecisionRecorder recorder = JsonLinesDecisionRecorder.Open(Path.Combine(_directory, $"records-{_opened.Count}.jsonl"));
        _opened.Add(recorder);
        return Task.FromResult<IDecisionRecorder>(recorder);
    }
}
