using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DisclosurePolicy.Records.Sqlite.Internal;

/// <summary>One SQL statement prepared once and run many times with new values, its parameters in the order they
/// first appear in the text.</summary>
internal sealed partial class Statement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public Statement(DbConnection connection, DbTransaction transaction, string sql)
    {
        _command = ((SqliteConnection)connection).CreateCommand();
        _command.Transaction = (SqliteTransaction)transaction;
        _command.CommandText = sql;
        _parameters = [.. Parameter().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal)
            .Select(name => _command.Parameters.Add(new SqliteParameter { ParameterName = name }))];
        _command.Prepare();
    }

    public async ValueTask RunAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<object?> RunScalarAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _command.Dispose();

    [GeneratedRegex("@[a-z_]+")]
    private static partial Regex Parameter();

    private void Bind(object?[] values)
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
