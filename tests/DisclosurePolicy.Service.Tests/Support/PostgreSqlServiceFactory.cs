using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>The service over the PostgreSQL server of <c>.ci/run</c>, in a schema of its own dropped afterwards.</summary>
public sealed class PostgreSqlServiceFactory : ServiceFactory
{
    private readonly string? _connectionString;
    private bool _dropped;

    public PostgreSqlServiceFactory()
    {
        // Outside CI without a server the tests that use this fixture are skipped; in CI a missing server fails them here.
        if (PostgreSqlServer.SkipReason is null)
        {
            _connectionString = PostgreSqlServer.CreateSchemaAsync().GetAwaiter().GetResult();
            With("Store:Provider", "postgresql");
            With("Store:PostgreSql:ConnectionString", _connectionString);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // The factory is disposed both ways (DisposeAsync and Dispose); the schema goes once.
        if (disposing && _connectionString is not null && !_dropped)
        {
            _dropped = true;
            PostgreSqlServer.DropSchemaAsync(_connectionString).GetAwaiter().GetResult();
        }
    }
}
