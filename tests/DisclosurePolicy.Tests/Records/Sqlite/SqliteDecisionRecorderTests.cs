using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Records.Contract;
using DisclosurePolicy.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DisclosurePolicy.Tests.Records.Sqlite;

public sealed class SqliteDecisionRecorderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-sqlite-").FullName;

    private string FilePath => Path.Combine(_directory, "records.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task OpenAsync_NewFile_WalModeAndNewestSchema()
    {
        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);

        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        Assert.Equal(3L, Scalar("SELECT MAX(version) FROM dp_schema_version"));
        Assert.Equal(0, await recorder.CountAsync());
    }

    [Fact]
    public async Task BuildDsaOrderReportAsync_RecordsWrittenBetweenItsQueries_ReportsOneState()
    {
        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);

        await DecisionRecorderContractTests.AssertDsaReportSeesOneStateAsync(recorder, between => recorder.Records.BetweenReportQueries = between);
    }

    [Fact]
    public async Task OpenAsync_Schema2StoreWithHistories_MigratedWithReportFactsFilledIn()
    {
        HistoryBatch batch = HistoryBatch.Make(40, seed: 11);
        using (var old = new SqliteDecisionRecorder(FilePath, schemaVersion: 2))
        {
            await old.EnsureSchemaAsync(CancellationToken.None);
        }

        using (var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await new Schema2Store(i => Math.DivRem(i.ToUnixTimeTicks(), 10, out long rest) - (rest < 0 ? 1 : 0), d => d.ToString("uuuu-MM-dd", null), "@body")
                .WriteAsync(connection, batch.Histories);
        }

        Assert.True((long)Scalar("SELECT COUNT(*) FROM dp_deny_reason")! > 0);

        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);

        Assert.Equal(3L, Scalar("SELECT MAX(version) FROM dp_schema_version"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM dp_deny_reason"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'dp_offence'"));
        DecisionRecorderContractTests.AssertSameHistories(batch.Histories, await recorder.ReadHistoriesAsync(RecordQuery.All).ToListAsync());
        await DecisionRecorderContractTests.AssertReportsEqualBuilders(recorder, batch.Histories);
    }

    [Fact]
    public async Task OpenAsync_Schema1StoreWithoutRecords_MigratedToTheNewest()
    {
        using (var old = new SqliteDecisionRecorder(FilePath, schemaVersion: 1))
        {
            await old.EnsureSchemaAsync(CancellationToken.None);
            Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'dp_request_reported'"));
        }

        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);

        Assert.Equal(3L, Scalar("SELECT MAX(version) FROM dp_schema_version"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'dp_request_reported'"));
    }

    [Fact]
    public async Task AppendCheckedAsync_NewExtendedAndStaleHistories_WritesWhatIsCurrentReturnsTheRest()
    {
        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);

        await CheckedAppendSteps.NewAndExtendedWrittenStaleReturnedAndNotWritten(recorder, (h, n) => recorder.AppendCheckedAsync(h, n));
    }

    [Fact]
    public async Task OpenAsync_NewerSchema_RefusedNamingBothVersionsAndLeftUntouched()
    {
        using (await SqliteDecisionRecorder.OpenAsync(FilePath))
        {
        }

        Execute("INSERT INTO dp_schema_version (version, script) VALUES (7, '007-from-the-future.sql')");

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await SqliteDecisionRecorder.OpenAsync(FilePath));

        Assert.Contains($"SQLite database '{FilePath}' has schema version 7, newer than version 3", ex.Message);
        Assert.Contains("left untouched", ex.Message);
        Assert.Equal(7L, Scalar("SELECT MAX(version) FROM dp_schema_version"));
    }

    [Fact]
    public async Task LazyRecorder_NewerSchema_EveryOperationRefused()
    {
        using (await SqliteDecisionRecorder.OpenAsync(FilePath))
        {
        }

        Execute("INSERT INTO dp_schema_version (version, script) VALUES (4, '004-later.sql')");
        using var recorder = new SqliteDecisionRecorder(FilePath);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await recorder.CountAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await recorder.RecordAsync(Recorded.Of(Some.V2Permitted())));
    }

    [Theory]
    [InlineData("UPDATE dp_event SET body = '{}'", "dp_event is append-only")]
    [InlineData("DELETE FROM dp_event", "dp_event is append-only")]
    [InlineData("DELETE FROM dp_request", "dp_request is append-only")]
    [InlineData("UPDATE dp_request SET outcome = 4", "never changed")]
    public async Task StoredRecords_ChangedBehindTheRecordersBack_RefusedByTheDatabase(string sql, string message)
    {
        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);
        await recorder.RecordAsync(Recorded.Of(Some.V2Permitted()));

        SqliteException ex = Assert.Throws<SqliteException>(() => Execute(sql));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task SecondDecisionRow_InsertedBehindTheRecordersBack_RefusedByTheUniqueKey()
    {
        using SqliteDecisionRecorder recorder = await SqliteDecisionRecorder.OpenAsync(FilePath);
        await recorder.RecordAsync(Recorded.Of(Some.V2Permitted("REQ-1")));

        SqliteException ex = Assert.Throws<SqliteException>(() => Execute(
            "INSERT INTO dp_request (request_id, country, received_on, received_at, decided_at, cadence, outcome, permitted, instrument, eu_member, event_count, report_at) " +
            "VALUES ('REQ-1', 'DE', '2025-01-01', 0, 0, 2, 1, 1, 1, 1, 1, 0)"));

        Assert.Contains("UNIQUE constraint failed: dp_request.request_id", ex.Message);
    }

    [Fact]
    public void AddDisclosurePolicySqliteRecords_Registered_ResolvesOneRecorderAndHostRegistrationWins()
    {
        using ServiceProvider provider = new ServiceCollection().AddDisclosurePolicySqliteRecords(FilePath).AddDisclosurePolicySqliteRecords("other.db").BuildServiceProvider();
        var hostFirst = new InMemoryDecisionRecorder();
        using ServiceProvider overridden = new ServiceCollection().AddSingleton<IDecisionRecorder>(hostFirst).AddDisclosurePolicySqliteRecords(FilePath).BuildServiceProvider();

        IDecisionRecorder recorder = provider.GetRequiredService<IDecisionRecorder>();

        Assert.Same(provider.GetRequiredService<SqliteDecisionRecorder>(), recorder);
        Assert.Equal(FilePath, ((SqliteDecisionRecorder)recorder).Path);
        Assert.Same(hostFirst, overridden.GetRequiredService<IDecisionRecorder>());
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => SqliteRecordsServiceCollectionExtensions.AddDisclosurePolicySqliteRecords(null!, FilePath)).ParamName);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddDisclosurePolicySqliteRecords(" "));
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
