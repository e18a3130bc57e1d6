using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>The database stores' write path for events the writer has already checked with
/// <see cref="RequestHistory.Apply"/>: it writes without reading the stored histories back, and returns the requests another
/// writer changed meanwhile.</summary>
internal static class CheckedAppend
{
    /// <summary>Returns the checked write of <paramref name="store"/>, or <see langword="null"/> for a store without one
    /// (the writer then imports the histories, which checks them again).</summary>
    public static Func<IReadOnlyList<RequestHistory>, IReadOnlyList<int>, ValueTask<IReadOnlyList<string>>>? Of(IDecisionRecorder store) => store switch
    {
        SqliteDecisionRecorder sqlite => (histories, stored) => sqlite.AppendCheckedAsync(histories, stored),
        PostgreSqlDecisionRecorder postgreSql => (histories, stored) => postgreSql.AppendCheckedAsync(histories, stored),
        _ => null,
    };
}
