using System.Data.Common;
using System.Text.RegularExpressions;

namespace DisclosurePolicy.Records.Sql;

/// <summary>One SQL statement created once and run many times with new values, its parameters in the order they first
/// appear in the text: the database parses it once per batch instead of once per row.</summary>
internal sealed partial class Statement : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public Statement(DbConnection connection, DbTransaction transaction, string sql)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = [.. ParameterNames(sql).Select(name => SqlDialect.Add(_command, name, null))];
    }

    /// <summary>Gets the names of the parameters of <paramref name="sql"/>, in the order they first appear.</summary>
    public static IEnumerable<string> ParameterNames(string sql) => Parameter().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    public async ValueTask<int> RunAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
