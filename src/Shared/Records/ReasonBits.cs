using System.Collections.Concurrent;
using System.Data.Common;
using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Records.Sql;

/// <summary>
/// The bit each deny reason code has in the request rows' <c>deny_reasons</c> mask, as <c>dp_reason_code</c> numbers them:
/// a denied request's codes are one integer of its row, which the transparency report sums bit by bit in the same scan as
/// its other counts instead of grouping a row per reason. Codes past the 63rd keep a row per request in
/// <c>dp_deny_reason</c>, as before.
/// </summary>
/// <remarks>A code's bit is given once, in a transaction of its own committed before the record that first names it is
/// written, and never changes, so what is cached here stays true; writers that race for a bit retry.</remarks>
internal sealed class ReasonBits(SqlDialect dialect)
{
    /// <summary>The number of codes a mask holds (bits 0 to 62 of a signed 64-bit integer).</summary>
    public const int Capacity = 63;

    private const int NoBit = -1;
    private readonly ConcurrentDictionary<string, int> _bits = new(StringComparer.Ordinal);
    private volatile bool _full;

    /// <summary>Gives every deny reason code of <paramref name="records"/> its bit, or finds it has none; call it before the
    /// write transaction that stores them.</summary>
    public async ValueTask EnsureAsync(IEnumerable<DecisionRecord> records, CancellationToken cancellationToken)
    {
        string[] missing = [.. records.SelectMany(r => RequestFacts.Of(r).DenyReasons).Distinct(StringComparer.Ordinal).Where(c => !_bits.ContainsKey(c))];
        if (missing.Length == 0)
        {
            return;
        }

        await using DbConnection connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await LoadAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (string code in missing.Where(c => !_bits.ContainsKey(c)))
        {
            for (int attempt = 1; !_bits.ContainsKey(code); attempt++)
            {
                if (!_full)
                {
                    try
                    {
                        await using DbTransaction transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                        await using DbCommand add = SqlRecords.Command(connection, transaction,
                            $"INSERT INTO dp_reason_code (bit, code) SELECT COALESCE(MAX(bit), -1) + 1, @code FROM dp_reason_code HAVING COALESCE(MAX(bit), -1) + 1 < {Capacity}");
                        SqlDialect.Add(add, "@code", code);
                        _full = await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0;
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (DbException) when (attempt < 5)
                    {
                        // Another writer gave the same bit to another code, or this code its bit, first: read again.
                    }
                }

                await LoadAsync(connection, cancellationToken).ConfigureAwait(false);
                if (_full)
                {
                    _bits.TryAdd(code, NoBit);
                }
            }
        }
    }

    /// <summary>The mask of a record's deny reason codes that have a bit, and the codes that have none.</summary>
    public (long Mask, IReadOnlyList<string> Overflow) Of(RequestFacts facts)
    {
        long mask = 0;
        List<string>? overflow = null;
        foreach (string code in facts.DenyReasons)
        {
            int bit = _bits.TryGetValue(code, out int b)
                ? b
                : throw new InvalidOperationException($"Deny reason code '{code}' has no bit yet: EnsureAsync was not called before the write.");
            if (bit == NoBit)
            {
                (overflow ??= []).Add(code);
            }
            else
            {
                mask |= 1L << bit;
            }
        }

        return (mask, overflow ?? (IReadOnlyList<string>)[]);
    }

    /// <summary>Reads every code and its bit, in bit order.</summary>
    public static async ValueTask<List<(int Bit, string Code)>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var codes = new List<(int, string)>();
        await using DbCommand read = SqlRecords.Command(connection, null, "SELECT bit, code FROM dp_reason_code ORDER BY bit");
        await using DbDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            codes.Add((Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1)));
        }

        return codes;
    }

    private async ValueTask LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        List<(int Bit, string Code)> codes = await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach ((int bit, string code) in codes)
        {
            _bits[code] = bit;
        }

        _full |= codes.Count >= Capacity;
    }
}
