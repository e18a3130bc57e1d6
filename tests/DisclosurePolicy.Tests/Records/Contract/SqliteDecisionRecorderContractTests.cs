using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Tests.Records.Contract;

/// <summary>The contract for the SQLite store; the second writer is another recorder (its own connections) on the same file.</summary>
public sealed class SqliteDecisionRecorderContractTests : DecisionRecorderContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-sqlite-").FullName;
    private readonly List<SqliteDecisionRecorder> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(r => r.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    protected override async Task<IDecisionRecorder> CreateAsync()
    {
        SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(Path.Combine(_directory, $"records-{_opened.Count}.db"));
        _opened.Add(recorder);
        return recorder;
    }

    protected override async Task<IDecisionRecorder> OpenSecondWriterAsync(IDecisionRecorder first)
    {
        SqliteDecisionRecorder second = await SqliteDecisionRecorder.OpenAsync(((SqliteDecisionRecorder)first).Path);
        _opened.Add(second);
        return second;
    }
}
