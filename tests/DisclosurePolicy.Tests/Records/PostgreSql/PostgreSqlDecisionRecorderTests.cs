using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Records.Contract;
using DisclosurePolicy.Tests.Shared;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DisclosurePolicy.Tests.Records.PostgreSql;

public sealed class PostgreSqlDecisionRecorderTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        if (PostgreSqlServer.SkipReason is null)
        {
            _connectionString = await PostgreSqlServer.CreateSchemaAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_connectionString.Length > 0)
        {
            await PostgreSqlServer.DropSchemaAsync(_connectionString);
        }
    }

    [PostgreSqlFact]
    public async Task BuildDsaOrderReportAsync_RecordsWrittenBetweenItsQueries_ReportsOneState()
    {
        await using PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(_connectionString);

        await DecisionRecorderContractTests.AssertDsaReportSeesOneStateAsync(recorder, between => recorder.Records.BetweenReportQueries = between);
    }

    [PostgreSqlFact]
    public async Task OpenAsync_Schema2StoreWithHistories_MigratedWithReportFactsFilledIn()
    {
        HistoryBatch batch = HistoryBatch.Make(40, seed: 11);
        await using (var old = new PostgreSqlDecisionRecorder(_connectionString, schemaVersion: 2))
        {
            await old.EnsureSchemaAsync(CancellationToken.None);
        }

        var builder = new NpgsqlDataSourceBuilder(_connectionString);
        builder.UseNodaTime();
        await using (NpgsqlDataSource source = builder.Build())
        await using (NpgsqlConnection connection = await source.OpenConnectionAsync())
        {
            await new Schema2Store(i => i, d => d, "CAST(@body AS json)").WriteAsync(connection, batch.Histories);
        }

        Assert.True((long)(await ScalarAsync("SELECT COUNT(*) FROM dp_deny_reason"))! > 0);

        await using PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(_connectionString);

        Assert.Equal(3, await ScalarAsync("SELECT MAX(version) FROM dp_schema_version"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM dp_deny_reason"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'dp_offence' AND schemaname = current_schema()"));
        DecisionRecorderContractTests.AssertSameHistories(batch.Histories, await recorder.ReadHistoriesAsync(RecordQuery.All).ToListAsync());
        await DecisionRecorderContractTests.AssertReportsEqualBuilders(recorder, batch.Histories);
    }

    [PostgreSqlFact]
    public async Task OpenAsync_Schema1StoreWithoutRecords_MigratedToTheNewest()
    {
        await using (var old = new PostgreSqlDecisionRecorder(_connectionString, schemaVersion: 1))
        {
            await old.EnsureSchemaAsync(CancellationToken.None);
            Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'dp_request_reported' AND schemaname = current_schema()"));
        }

        await using PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(_connectionString);

        Assert.Equal(3, await ScalarAsync("SELECT MAX(version) FROM dp_schema_version"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'dp_request_reported' AND schemaname = current_schema()"));
    }

    [PostgreSqlFact]
    public async Task AppendCheckedAsync_NewExtendedAndStaleHistories_WritesWhatIsCurrentReturnsTheRest()
    {
        await using PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(_connectionString);

        await CheckedAppendSteps.NewAndExtendedWrittenStaleReturnedAndNotWritten(recorder, (h, n) => recorder.AppendCheckedAsync(h, n));
    }

    [PostgreSqlFact]
    public async Task OpenAsync_NewerSchema_RefusedNamingBothVersionsAndLeftUntouched()
    {
        await (await PostgreSqlDecisionRecorder.OpenAsync(_connectionString)).DisposeAsync();
        await ScalarAsync("INSERT INTO dp_schema_version (version, script) VALUES (9, '009-from-the-future.sql')");

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await PostgreSqlDecisionRecorder.OpenAsync(_connectionString));

        Assert.Matches(@"^PostgreSQL database '\w+' on [\w.]+:\d+ has schema version 9, newer than version 3, the newest this DisclosurePolicy\.Records\.PostgreSql", ex.Message);
        Assert.Contains("left untouched", ex.Message);
        Assert.DoesNotContain("Password", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(9, await ScalarAsync("SELECT MAX(version) FROM dp_schema_version"));
    }

    [PostgreSqlTheory]
    [InlineData("UPDATE dp_event SET kind = kind", "dp_event is append-only")]
    [InlineData("DELETE FROM dp_event", "dp_event is append-only")]
    [InlineData("DELETE FROM dp_request", "dp_request is append-only")]
    [InlineData("UPDATE dp_request SET outcome = 4", "never changed")]
    public async Task StoredRecords_ChangedBehindTheRecordersBack_RefusedByTheDatabase(string sql, string message)
    {
        await using PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(_connectionString);
        await recorder.RecordAsync(Recorded.Of(Some.V2Permitted()));

        PostgresException ex = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(sql));

        Assert.Contains(message, ex.MessageText);
    }

    [PostgreSqlFact]
    public async Task ImportAsync_MoreThanOneBatchAlreadyPartlyStored_EveryEventOnceAndInOrder()
    {
        await using PostgreSqlDecisionRecorder recorder = await PostgreSqlDecisionRecorder.OpenAsync(_connectionString);
        RequestHistory[] histories = [.. Enumerable.Range(0, 2500).Select(i => Histories.DisclosingAll(Recorded.Of(Some.V2Permitted($"REQ-{i:D5}"))))];
        await recorder.ImportAsync(histories.Skip(900).Take(300).ToAsyncEnumerable());

        ImportSummary summary = await recorder.ImportAsync(histories.ToAsyncEnumerable());

        Assert.Equal((2500L, 2200L * 2, 300L * 2), (summary.Requests, summary.RecordedEvents, summary.AlreadyRecordedEvents));
        Assert.Equal(2500, await recorder.CountAsync());
        Assert.Equal(
            [.. histories.Skip(900).Take(300).Concat(histories.Take(900)).Concat(histories.Skip(1200)).Select(h => h.RequestId)],
            await recorder.ReadHistoriesAsync(RecordQuery.All).Select(h => h.RequestId).ToListAsync());
    }

    [Fact]
    public void AddDisclosurePolicyPostgreSqlRecords_Registered_ResolvesOneRecorderFromTheHostsConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Dictionary<string, string> { ["DisclosureRecords"] = "Host=db.example;Database=records;Username=app;Password=secret" });
        services.AddDisclosurePolicyPostgreSqlRecords(sp => sp.GetRequiredService<Dictionary<string, string>>()["DisclosureRecords"]);
        services.AddDisclosurePolicyPostgreSqlRecords("Host=other;Database=ignored");
        var hostFirst = new InMemoryDecisionRecorder();
        using ServiceProvider overridden = new ServiceCollection().AddSingleton<IDecisionRecorder>(hostFirst).AddDisclosurePolicyPostgreSqlRecords("Host=db").BuildServiceProvider();
        using ServiceProvider provider = services.BuildServiceProvider();

        IDecisionRecorder recorder = provider.GetRequiredService<IDecisionRecorder>();

        Assert.Same(provider.GetRequiredService<PostgreSqlDecisionRecorder>(), recorder);
        Assert.Equal("PostgreSQL database 'records' on db.example:5432", ((PostgreSqlDecisionRecorder)recorder).Database);
        Assert.Same(hostFirst, overridden.GetRequiredService<IDecisionRecorder>());
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => PostgreSqlRecordsServiceCollectionExtensions.AddDisclosurePolicyPostgreSqlRecords(null!, "Host=db")).ParamName);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddDisclosurePolicyPostgreSqlRecords(" "));
        Assert.Throws<ArgumentException>(() => new PostgreSqlDecisionRecorder("this is not=a connection;string=at all"));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
