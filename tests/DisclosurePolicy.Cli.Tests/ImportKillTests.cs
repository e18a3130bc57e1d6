using System.Diagnostics;
using System.Text;
using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Shared;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>
/// An import killed with SIGKILL part-way (a child process running <c>disclosure import</c>) loses nothing that was
/// committed and leaves no half record: every request in the store has its whole history, and running the import again
/// completes it.
/// </summary>
[Collection(ChildProcesses.Name)]
public sealed class ImportKillTests(ImportKillTests.SourceFile source) : IClassFixture<ImportKillTests.SourceFile>
{
    private const int Requests = 20_000;
    private const int Attempts = 3;

    [LinuxFact]
    public async Task Import_KilledMidwayIntoSqlite_CommittedRequestsWholeAndRerunCompletes()
    {
        using var folder = new TempFolder();
        string? killed = null;
        for (int attempt = 1; attempt <= Attempts && killed is null; attempt++)
        {
            string db = folder.File($"records-{attempt}.db");
            killed = await KillMidImportAsync(db, () => SqliteCount(db)) ? db : null;
        }

        Assert.True(killed is not null, $"in {Attempts} attempts the import always ended before it could be killed");
        using var store = new SqliteDecisionRecorder(killed);
        await AssertWholeAndCompletedByRerunAsync(store, killed);
    }

    [PostgreSqlFact]
    public async Task Import_KilledMidwayIntoPostgreSql_CommittedRequestsWholeAndRerunCompletes()
    {
        var schemas = new List<string>();
        try
        {
            string? killed = null;
            for (int attempt = 1; attempt <= Attempts && killed is null; attempt++)
            {
                string database = await PostgreSqlServer.CreateSchemaAsync();
                schemas.Add(database);
                await (await PostgreSqlDecisionRecorder.OpenAsync(database)).DisposeAsync();
                killed = await KillMidImportAsync(database, () => PostgreSqlCount(database)) ? database : null;
            }

            Assert.True(killed is not null, $"in {Attempts} attempts the import always ended before it could be killed");
            await using var store = new PostgreSqlDecisionRecorder(killed);
            await AssertWholeAndCompletedByRerunAsync(store, killed);
        }
        finally
        {
            foreach (string schema in schemas)
            {
                await PostgreSqlServer.DropSchemaAsync(schema);
            }
        }
    }

    // Starts the import in a child process and kills it (SIGKILL: no clean-up runs) as soon as a first batch is seen
    // committed. Returns whether the kill landed before the import ended: on a loaded machine the count can be seen late.
    private async Task<bool> KillMidImportAsync(string target, Func<Task<long>> count)
    {
        using Process child = CliProcess.Start("import", source.Path, "--to", target);
        Task<string> error = child.StandardError.ReadToEndAsync();
        Task<string> output = child.StandardOutput.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (!child.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3) && await count() == 0)
        {
            await Task.Delay(10);
        }

        child.Kill();
        await child.WaitForExitAsync();
        if (child.ExitCode == 0)
        {
            return false;
        }

        Assert.True(child.ExitCode == 128 + 9, $"the import failed by itself (exit {child.ExitCode}): {await error}{await output}");
        return true;
    }

    private async Task AssertWholeAndCompletedByRerunAsync(IDecisionRecorder store, string target)
    {
        long stored = await store.CountAsync();
        Assert.InRange(stored, 1, Requests - 1);
        await foreach (RequestHistory history in store.ReadHistoriesAsync(RecordQuery.All))
        {
            Assert.Equal(source.Events[history.RequestId], history.Events.Select(RequestEventJson.Write));
        }

        CliRun rerun = CliRun.Plain("import", source.Path, "--to", target);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(Requests, await store.CountAsync());
        int read = 0;
        await foreach (RequestHistory history in store.ReadHistoriesAsync(RecordQuery.All))
        {
            Assert.Equal(source.Events[history.RequestId], history.Events.Select(RequestEventJson.Write));
            read++;
        }

        Assert.Equal(Requests, read);
    }

    // Read-only and outside the recorder, so that watching never waits for the importer's write lock.
    private static Task<long> SqliteCount(string db)
    {
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM dp_request";
            return Task.FromResult((long)command.ExecuteScalar()!);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return Task.FromResult(0L); // the file or its schema is not made yet
        }
    }

    private static async Task<long> PostgreSqlCount(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM dp_request", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A JSON Lines history of requests decided under V2, each acknowledged and, for two in three, disclosed,
    /// written once for the class.</summary>
    public sealed class SourceFile : IDisposable
    {
        private readonly TempFolder _folder = new();

        public SourceFile()
        {
            Path = _folder.File("history.jsonl");
            string template = File.ReadAllText(CliRun.Sample("01-fr-investigating-judge-drugs.json"));
            var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 2, 12, 9, 0)));
            var text = new StringBuilder();
            for (int i = 0; i < Requests; i++)
            {
                LegalRequest request = RequestJson.Read(template.Replace("FR-2025-0142", $"FR-{i:D6}", StringComparison.Ordinal)).Value!;
                Decision decision = engine.Evaluate(request);
                DecisionRecord record = DecisionRecord.Create(request, Instant.FromUtc(2025, 2, 10, 8, 0), decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
                List<RequestEvent> history = [RequestEvent.Decided(record), RequestEvent.Acknowledged(record.RequestId, Instant.FromUtc(2025, 2, 10, 9, 0))];
                if (i % 3 != 0)
                {
                    history.Add(RequestEvent.Disclosed(record.RequestId, Instant.FromUtc(2025, 2, 14, 10, 0), [new DisclosedItem("user:58213377", DataCategory.IpAddress)]));
                }

                string[] lines = [.. history.Select(RequestEventJson.Write)];
                Events.Add(record.RequestId, lines);
                foreach (string line in lines)
                {
                    text.Append(line).Append('\n');
                }
            }

            File.WriteAllText(Path, text.ToString());
        }

        public string Path { get; }

        public Dictionary<string, string[]> Events { get; } = new(StringComparer.Ordinal);

        public void Dispose() => _folder.Dispose();
    }
}
