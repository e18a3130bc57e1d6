using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Tests.Shared;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DisclosurePolicy.Tests.Docs;

/// <summary>The README's "Records in a database" example, compiled and run against both stores.</summary>
public sealed class ReadmeDatabaseExampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-readme-db-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [PostgreSqlFact]
    public async Task DatabaseStores_AsWrittenInTheReadme_RecordImportAndRegister()
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted());
        string connectionString = await PostgreSqlServer.CreateSchemaAsync();
        try
        {
            using SqliteDecisionRecorder local = await SqliteDecisionRecorder.OpenAsync(Path.Combine(_directory, "records.db"));
            await local.RecordAsync(record);

            await using PostgreSqlDecisionRecorder shared = await PostgreSqlDecisionRecorder.OpenAsync(connectionString);
            await shared.RecordAsync(record);

            ImportSummary moved = await shared.ImportAsync(local.ReadHistoriesAsync(RecordQuery.All));

            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection([new("ConnectionStrings:DisclosureRecords", connectionString)]).Build());
            services.AddDisclosurePolicyPostgreSqlRecords(sp => sp.GetRequiredService<IConfiguration>().GetConnectionString("DisclosureRecords")!);
            await using ServiceProvider provider = services.BuildServiceProvider();

            Assert.Equal((1L, 0L, 1L), (moved.Requests, moved.RecordedEvents, moved.AlreadyRecordedEvents));
            Assert.Equal(record, await provider.GetRequiredService<IDecisionRecorder>().FindAsync(record.RequestId));
        }
        finally
        {
            await PostgreSqlServer.DropSchemaAsync(connectionString);
        }
    }
}
