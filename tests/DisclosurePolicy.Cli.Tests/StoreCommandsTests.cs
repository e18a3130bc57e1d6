using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>The same commands over every store the records argument can name: a SQLite file, a JSON Lines file and a
/// PostgreSQL connection string; and <c>import</c> between them.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void RecordEventsReport_SqliteFile_SameReportsAsTheJsonLinesFile()
    {
        string jsonl = History(_folder.File("records.jsonl"));
        string db = History(_folder.File("records.db"));

        Assert.True(File.Exists(db));
        Assert.Equal(Report(jsonl, "transparency", "json"), Report(db, "transparency", "json"));
        Assert.Equal(Report(jsonl, "dsa", "json"), Report(db, "dsa", "json"));
        Assert.Equal(Report(jsonl, "transparency", "text"), Report(db, "transparency", "text"));
    }

    [Fact]
    public void Import_JsonLinesIntoSqlite_EveryHistoryMovedAndAgainChangesNothing()
    {
        string jsonl = History(_folder.File("records.jsonl"));
        string db = _folder.File("imported.db");

        CliRun first = CliRun.Plain("import", jsonl, "--to", db);
        CliRun again = CliRun.Plain("import", jsonl, "--to", db);
        CliRun back = CliRun.Plain("import", db, "--to", _folder.File("round-trip.jsonl"));

        Assert.Equal((0, string.Empty), (first.ExitCode, first.Error));
        Assert.Equal($"{jsonl} -> {db}: 8 request(s): 13 event(s) recorded, 0 already there; 8 request(s) in the file.", first.Output.Trim());
        Assert.Equal($"{jsonl} -> {db}: 8 request(s): 0 event(s) recorded, 13 already there; 8 request(s) in the file.", again.Output.Trim());
        Assert.Equal(0, back.ExitCode);
        // The same events, each byte for byte; grouped by request now rather than in the order they happened.
        Assert.Equal(File.ReadAllLines(jsonl).Order(StringComparer.Ordinal), File.ReadAllLines(_folder.File("round-trip.jsonl")).Order(StringComparer.Ordinal));
        Assert.Equal(Report(jsonl, "dsa", "csv"), Report(db, "dsa", "csv"));
    }

    [Fact]
    public void Import_DamagedJsonLines_RefusedAndNothingImported()
    {
        string jsonl = History(_folder.File("records.jsonl"));
        File.AppendAllText(jsonl, "{\"schema\": \"disclosure-record/2\", \"event\": \"Acknowl");
        string db = _folder.File("imported.db");

        CliRun run = CliRun.Plain("import", jsonl, "--to", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{jsonl}: has problems (listed above); nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Acknowledge_NoSuchSqliteFile_ExitsTwoWithoutCreatingIt()
    {
        string db = _folder.File("missing.db");

        CliRun run = CliRun.Plain("acknowledge", "FR-2025-0142", "--at", "2026-11-03", "--to", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{db}: no such file; record the request's decision first with: disclosure record <file> --to {db}", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Report_NotASqliteDatabase_ExitsTwoWithAReadableLine()
    {
        string db = _folder.File("text.db");
        File.WriteAllText(db, "this is not a database, just text long enough to fill a page header of SQLite's........................");

        CliRun run = CliRun.Plain("report", db);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{db}: cannot be opened: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_UnreachablePostgreSql_ExitsTwoNamingTheDatabaseWithoutThePassword()
    {
        CliRun run = CliRun.Plain("record", CliRun.Sample("02-us-grand-jury-subpoena.json"), "--to", "Host=127.0.0.1;Port=1;Database=records;Username=app;Password=s3cret;Timeout=3");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("PostgreSQL database 'records' on 127.0.0.1:1: cannot be opened: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.Error, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task RecordEventsReportImport_PostgreSql_SameReportsAsTheJsonLinesFile()
    {
        string database = await PostgreSqlServer.CreateSchemaAsync();
        try
        {
            string jsonl = History(_folder.File("records.jsonl"));
            string recorded = await PostgreSqlServer.CreateSchemaAsync();
            try
            {
                History(recorded);
                CliRun import = CliRun.Plain("import", jsonl, "--to", database);

                Assert.Equal((0, string.Empty), (import.ExitCode, import.Error));
                Assert.EndsWith("8 request(s): 13 event(s) recorded, 0 already there; 8 request(s) in the database.", import.Output.Trim(), StringComparison.Ordinal);
                Assert.Equal(Report(jsonl, "transparency", "json"), Report(database, "transparency", "json"));
                Assert.Equal(Report(jsonl, "dsa", "json"), Report(database, "dsa", "json"));
                Assert.Equal(Report(jsonl, "transparency", "json"), Report(recorded, "transparency", "json"));
            }
            finally
            {
                await PostgreSqlServer.DropSchemaAsync(recorded);
            }
        }
        finally
        {
            await PostgreSqlServer.DropSchemaAsync(database);
        }
    }

    // Every sample decided, three disclosed the next day, one closed, one acknowledged: the life of a request in a store.
    private static string History(string store)
    {
        CliRun record = CliRun.Fixed(["record", .. Directory.GetFiles(CliRun.Samples, "*.json").Order(StringComparer.Ordinal), "--to", store]);
        Assert.True(record.ExitCode == 0, record.Error);
        foreach (string id in new[] { "FR-2025-0142", "GB-2020-0058", "ES-2025-0660" })
        {
            CliRun disclose = CliRun.Plain("disclose", id, "--at", "2026-11-03T10:00:00Z", "--to", store);
            Assert.True(disclose.ExitCode == 0, disclose.Error);
        }

        Assert.Equal(0, CliRun.Plain("close", "US-2025-0311", "--at", "2026-11-04", "--reason", "refused", "--to", store).ExitCode);
        Assert.Equal(0, CliRun.Plain("acknowledge", "DE-2026-0907", "--at", "2026-11-02T12:00:00Z", "--to", store).ExitCode);
        return store;
    }

    private static string Report(string store, string kind, string format)
    {
        CliRun run = CliRun.Plain("report", store, "--kind", kind, "--format", format);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Output;
    }
}
