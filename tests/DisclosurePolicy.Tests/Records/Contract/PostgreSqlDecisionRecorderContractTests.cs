using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Tests.Shared;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Records.Contract;

/// <summary>The contract for the PostgreSQL store, against a real server; the second writer is another recorder (its own
/// connection pool) on the same schema.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlDecisionRecorderContractTests : DecisionRecorderContractTests, IAsyncLifetime
{
    private readonly List<PostgreSqlDecisionRecorder> _opened = [];
    private readonly List<string> _schemas = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (PostgreSqlDecisionRecorder recorder in _opened)
        {
            await recorder.DisposeAsync();
        }

        foreach (string schema in _schemas)
        {
            await PostgreSqlServer.DropSchemaAsync(schema);
        }
    }

    protected override async Task<IDecisionRecorder> CreateAsync()
    {
        string connectionString = await PostgreSqlServer.CreateSchemaAsync();
        _schemas.Add(connectionString);
        return await OpenAsync(connectionString);
    }

    protected override Task<IDecisionRecorder> OpenSecondWriterAsync(IDecisionRecorder first) => OpenAsync(_schemas[^1]);

    private async Task<IDecisionRecorder> OpenAsync(string connectionString)
    {
        PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(connectionString);
        _opened.Add(recorder);
        return recorder;
    }
}
