using System.Data.Common;
using System.Numerics;
using System.Runtime.InteropServices;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Records.Sql;

/// <summary>
/// Builds the transparency and DSA reports in the database: the schedule's periods become instant ranges (computed here,
/// in NodaTime, so zones and calendars are never the database's business), the database joins the narrow columns of the
/// request rows against them, and tallies them by country, period and the few facts each count depends on. Memory does
/// not grow with the number of records.
/// </summary>
/// <remarks>
/// <para>Each report reads one covering index of <c>dp_request</c> and joins no other table: a request's deny reason codes
/// and offence categories are bit masks in its row, tallied as they are and split into codes and categories here. Where
/// the database aggregates by hashing (PostgreSQL), it returns one row per distinct combination with its count; where a
/// GROUP BY would sort every row first (SQLite: sorting a million rows costs twenty times the scan), it returns the rows
/// as it scans them and the tally happens here, in the process that holds the database, in one pass.</para>
/// <para>The DSA medians come from one ordered pass per duration: the rows with that instant, shortest duration first,
/// where the one or two middle rows of each country, period and offence category are picked by their position, known
/// from the counts read before. The two passes run at once, each checking that it met exactly the rows counted; if
/// records were written in between, the whole report is read again in one transaction.</para>
/// <para>On PostgreSQL, a report's transactions are repeatable-read; on SQLite, WAL gives each read transaction its own
/// snapshot. Queries on different connections may see different snapshots: the transparency report's three queries
/// count independent figures.</para>
/// </remarks>
internal sealed class SqlReports(SqlRecords records)
{
    private delegate Task Scan(string select, IReadOnlyList<PeriodBand>? bands, Action<DbDataReader> read);

    private const string ReportAt = "r.report_at";
    private static readonly Duration Tick = Duration.FromNanoseconds(1000);

    // How many values each packed fact takes: one more than its type's largest.
    private static readonly long InstrumentSpan = Span<InstrumentKind>(), OutcomeSpan = Span<DecisionOutcome>();

    // The instants whose durations from receipt the DSA report takes medians of: to acknowledgement, to effect.
    private static readonly string[] DurationEnds = ["acknowledged_at", "first_disclosed_at"];

    private SqlDialect Dialect => records.Dialect;

    public async ValueTask<TransparencyReport> TransparencyAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken)
    {
        // One MIN and one MAX per cadence, each a single step into the index on (cadence, report instant).
        string range = "SELECT MIN(lo), MAX(hi) FROM (" + string.Join(" UNION ALL ", Enum.GetValues<ReportingCadence>().Select(c =>
            $"SELECT (SELECT MIN({ReportAt}) FROM dp_request r WHERE r.cadence = {(int)c}) AS lo, (SELECT MAX({ReportAt}) FROM dp_request r WHERE r.cadence = {(int)c}) AS hi")) + ") m";
        List<PeriodBand> bands = [];
        await ReadingAsync(async scan => bands = await BandsAsync(scan, range, schedule, Enum.GetValues<ReportingCadence>(), dates, Dialect).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<(string Country, int Index), Row>();
        if (bands.Count == 0)
        {
            return new TransparencyReport(schedule, []);
        }

        string?[] codes = new string?[ReasonBits.Capacity];
        await using (DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach ((int bit, string code) in await ReasonBits.ReadAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                codes[bit] = code;
            }
        }

        // The three queries are independent: each runs on its own connection and thread (SQLite's asynchronous calls complete
        // synchronously), at once, and keeps its own tally.
        string join = $"FROM p CROSS JOIN dp_request r WHERE r.cadence = p.cadence AND {ReportAt} >= p.lo AND {ReportAt} < p.hi";
        Task counts = Task.Run(() => ReadingAsync(scan => scan(
            Tally($"r.country, ((CAST(p.idx AS bigint) * {InstrumentSpan} + r.instrument) * {OutcomeSpan} + r.outcome) * 4 + r.permitted * 2 + {Flag("r.first_disclosed_at IS NOT NULL")}, r.deny_reasons", join),
            bands,
            reader =>
            {
                // The period and the facts the counts depend on come packed in one column (reading a column costs about as
                // much as the row): period, instrument, outcome, permitted, disclosed.
                long facts = reader.GetInt64(1);
                int n = Count(reader, 3);
                bool disclosed = (facts & 1) == 1, permitted = (facts & 2) == 2;
                facts >>= 2;
                var outcome = (DecisionOutcome)(facts % OutcomeSpan);
                facts /= OutcomeSpan;
                var kind = (InstrumentKind)(facts % InstrumentSpan);
                Row row = Of(rows, reader.GetString(0), checked((int)(facts / InstrumentSpan)));
                switch (outcome)
                {
                    case DecisionOutcome.MayDisclose: row.Full += n; break;
                    case DecisionOutcome.PartiallyPermitted: row.Partial += n; break;
                    case DecisionOutcome.PendingLegalAnalysis: row.Pending += n; break;
                    case DecisionOutcome.NotApplicable: row.NotApplicable += n; break;
                    default: row.Denied += n; break;
                }

                row.Fulfilled += disclosed ? n : 0;
                row.Undisclosed += !disclosed && permitted ? n : 0;
                ref (int Received, int Fulfilled) instrument = ref CollectionsMarshal.GetValueRefOrAddDefault(row.Instruments, kind, out _);
                instrument = (instrument.Received + n, instrument.Fulfilled + (disclosed ? n : 0));
                for (long bits = reader.GetInt64(2); bits != 0; bits &= bits - 1)
                {
                    row.ReasonBits[BitOperations.TrailingZeroCount(bits)] += n;
                }
            }),
            cancellationToken),
            cancellationToken);
        var users = new List<(string Country, int Index, int Count)>();
        Task distinct = Task.Run(() => ReadingAsync(scan => scan(
            "SELECT a.country, p.idx, COUNT(DISTINCT a.account) FROM p CROSS JOIN dp_disclosed_account a " +
            "WHERE a.cadence = p.cadence AND a.report_at >= p.lo AND a.report_at < p.hi GROUP BY a.country, p.idx",
            bands,
            reader => users.Add((reader.GetString(0), reader.GetInt32(1), Count(reader, 2)))),
            cancellationToken),
            cancellationToken);

        // The deny reasons past the 63rd code, which have no bit, keep a row each.
        var overflow = new List<(string Country, int Index, string Code, int Count)>();
        Task extra = Task.Run(() => ReadingAsync(scan => scan(
            "SELECT d.country, p.idx, d.code, COUNT(*) FROM p CROSS JOIN dp_deny_reason d " +
            "WHERE d.cadence = p.cadence AND d.report_at >= p.lo AND d.report_at < p.hi GROUP BY d.country, p.idx, d.code",
            bands,
            reader => overflow.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2), Count(reader, 3)))),
            cancellationToken),
            cancellationToken);
        await Task.WhenAll(counts, distinct, extra).ConfigureAwait(false);
        foreach (Row row in rows.Values)
        {
            for (int bit = 0; bit < codes.Length; bit++)
            {
                AddReason(row, codes[bit]!, row.ReasonBits[bit]);
            }
        }

        foreach ((string country, int index, int count) in users)
        {
            Of(rows, country, index).Users = count;
        }

        foreach ((string country, int index, string code, int count) in overflow)
        {
            AddReason(Of(rows, country, index), code, count);
        }

        Dictionary<int, ReportingPeriod> periods = Periods(bands);
        return new TransparencyReport(schedule, rows
            .Select(g => Build(g.Key.Country, periods[g.Key.Index], g.Value))
            .OrderBy(r => r.Country, StringComparer.Ordinal)
            .ThenBy(r => r.Period.Start)
            .ThenBy(r => r.Period.End)
            .ThenBy(r => r.Period.Label, StringComparer.Ordinal));
    }

    public ValueTask<DsaOrderReport> DsaAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken) =>
        DsaAsync(schedule, dates, inOneTransaction: false, cancellationToken);

    private async ValueTask<DsaOrderReport> DsaAsync(ReportingSchedule schedule, DateInterval? dates, bool inOneTransaction, CancellationToken cancellationToken)
    {
        const string Range = "SELECT (SELECT MIN(r.received_at) FROM dp_request r WHERE r.eu_member = 1), (SELECT MAX(r.received_at) FROM dp_request r WHERE r.eu_member = 1)";
        List<PeriodBand> bands = [];

        // Each request counts once for each offence category whose bit it has.
        const string From = "FROM p CROSS JOIN dp_request r WHERE r.eu_member = 1 AND r.received_at >= p.lo AND r.received_at < p.hi";
        string refused = $"r.first_disclosed_at IS NULL AND r.permitted = 0 AND r.outcome <> {(int)DecisionOutcome.PendingLegalAnalysis}";
        var rows = new Dictionary<(string State, int Index, OffenceCategory Offence), DsaRow>();
        string counts = Tally(
            $"r.country, r.offences, CAST(p.idx AS bigint) * 16 + 8 * {Flag("r.acknowledged_at IS NOT NULL")} + 4 * {Flag("r.first_disclosed_at IS NOT NULL")} + " +
            $"2 * {Flag(refused)} + {Flag($"r.first_disclosed_at IS NULL AND NOT ({refused}) AND r.closed_at IS NOT NULL")}",
            From,
            group: false);
        void Count(DbDataReader reader)
        {
            // The period and the four facts counted come packed in one column: period, then a bit each for acknowledged,
            // given effect, refused, closed.
            string state = reader.GetString(0);
            long facts = reader.GetInt64(2);
            int index = checked((int)(facts >> 4)), n = SqlReports.Count(reader, 3);
            int acknowledged = (int)((facts >> 3) & 1) * n, givenEffect = (int)((facts >> 2) & 1) * n, refused = (int)((facts >> 1) & 1) * n, closed = (int)(facts & 1) * n;
            for (long bits = reader.GetInt64(1); bits != 0; bits &= bits - 1)
            {
                var key = (state, index, (OffenceCategory)BitOperations.TrailingZeroCount(bits));
                if (!rows.TryGetValue(key, out DsaRow? row))
                {
                    row = new DsaRow();
                    rows.Add(key, row);
                }

                row.Received += n;
                row.Acknowledged += acknowledged;
                row.GivenEffect += givenEffect;
                row.Refused += refused;
                row.Closed += closed;
            }
        }

        // Shortest first: a group's middle rows are the ones at its middle positions, counted per group as they pass.
        // Returns whether the pass met exactly the rows the counts counted.
        async Task<bool> PassAsync(Scan scan, int end)
        {
            bool whole = true;
            await scan(
                $"SELECT r.country, p.idx, r.offences, r.received_at, r.{DurationEnds[end]} {From} AND r.{DurationEnds[end]} IS NOT NULL " +
                $"ORDER BY r.{DurationEnds[end]} - r.received_at",
                bands,
                reader =>
                {
                    string state = reader.GetString(0);
                    int index = reader.GetInt32(1);
                    for (long bits = reader.GetInt64(2); bits != 0; bits &= bits - 1)
                    {
                        if (!rows.TryGetValue((state, index, (OffenceCategory)BitOperations.TrailingZeroCount(bits)), out DsaRow? row))
                        {
                            whole = false;
                            continue;
                        }

                        int total = end == 0 ? row.Acknowledged : row.GivenEffect, position = ++row.Passed[end];
                        if (position == (total + 1) / 2 || position == (total + 2) / 2)
                        {
                            (end == 0 ? row.ToAcknowledge : row.ToEffect).Add(Dialect.ReadInstant(reader, 4) - Dialect.ReadInstant(reader, 3));
                        }
                    }
                }).ConfigureAwait(false);
            return whole && rows.Values.All(r => r.Passed[end] == (end == 0 ? r.Acknowledged : r.GivenEffect));
        }

        // The periods and the counts in one transaction, then both passes at once, each on its own connection. A request
        // decided or acknowledged or disclosed in between (the sets only grow) shows as a pass that does not meet the
        // counted rows; then the report is read again, all of it in one transaction, which sees one state of the records.
        await ReadingAsync(
            async scan =>
            {
                bands = await BandsAsync(scan, Range, schedule, [ReportingCadence.None], dates, Dialect).ConfigureAwait(false);
                if (bands.Count > 0)
                {
                    await scan(counts, bands, Count).ConfigureAwait(false);
                    for (int end = 0; inOneTransaction && end < DurationEnds.Length; end++)
                    {
                        await PassAsync(scan, end).ConfigureAwait(false);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (bands.Count == 0)
        {
            return new DsaOrderReport(schedule, []);
        }

        if (!inOneTransaction)
        {
            if (records.BetweenReportQueries is Func<Task> between)
            {
                await between().ConfigureAwait(false);
            }

            bool[] whole = await Task.WhenAll(Enumerable.Range(0, DurationEnds.Length).Select(end =>
                Task.Run(
                    async () =>
                    {
                        bool met = false;
                        await ReadingAsync(async scan => met = await PassAsync(scan, end).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                        return met;
                    },
                    cancellationToken))).ConfigureAwait(false);
            if (!whole.All(w => w))
            {
                return await DsaAsync(schedule, dates, inOneTransaction: true, cancellationToken).ConfigureAwait(false);
            }
        }

        Dictionary<int, ReportingPeriod> periods = Periods(bands);
        return new DsaOrderReport(schedule, rows
            .Select(g => new DsaOrderReportRow(
                g.Key.State, periods[g.Key.Index], g.Key.Offence, g.Value.Received, g.Value.Acknowledged, Median(g.Value.ToAcknowledge),
                g.Value.GivenEffect, Median(g.Value.ToEffect), g.Value.Refused, g.Value.Closed))
            .OrderBy(r => r.MemberState, StringComparer.Ordinal)
            .ThenBy(r => r.Period.Start)
            .ThenBy(r => r.Offence));
    }

    private static void AddReason(Row row, string code, int count)
    {
        if (count > 0)
        {
            row.Reasons[code] = row.Reasons.GetValueOrDefault(code) + count;
        }
    }

    // The requests a tallied row stands for: its count where the database grouped (the column after the tallied ones),
    // 1 where it did not.
    private static int Count(DbDataReader reader, int ordinal) => ordinal < reader.FieldCount ? checked((int)reader.GetInt64(ordinal)) : 1;

    private static long Span<T>()
        where T : struct, Enum => Enum.GetValues<T>().Max(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)) + 1;

    private static string Flag(string condition) => $"CASE WHEN {condition} THEN 1 ELSE 0 END";

    // The one or two middle durations of a group, as DsaOrderReportBuilder takes its median.
    private static Duration? Median(List<Duration> middle)
    {
        middle.Sort();
        return middle.Count switch
        {
            0 => null,
            1 => middle[0],
            _ => (middle[0] + middle[1]) / 2,
        };
    }

    private static Row Of(Dictionary<(string Country, int Index), Row> rows, string country, int index)
    {
        if (!rows.TryGetValue((country, index), out Row? row))
        {
            row = new Row();
            rows.Add((country, index), row);
        }

        return row;
    }

    private static Dictionary<int, ReportingPeriod> Periods(List<PeriodBand> bands) =>
        bands.DistinctBy(b => b.Index).ToDictionary(b => b.Index, b => b.Period);

    private static TransparencyReportRow Build(string country, ReportingPeriod period, Row row) => new(
        country,
        period,
        row.Fulfilled,
        row.Users,
        row.Undisclosed,
        row.Full,
        row.Partial,
        row.Pending,
        row.Denied,
        row.NotApplicable,
        row.Reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReasonCount(r.Key, r.Value)),
        row.Instruments.OrderBy(i => i.Key).Select(i => new InstrumentCount(i.Key, i.Value.Received, i.Value.Fulfilled)));

    // The periods of the schedule that the instants from MIN to MAX (as the range query gives them) fall in, within the dates.
    private static async Task<List<PeriodBand>> BandsAsync(
        Scan scan, string range, ReportingSchedule schedule, IEnumerable<ReportingCadence> cadences, DateInterval? dates, SqlDialect dialect)
    {
        Instant? first = null, last = null;
        await scan(range, null, reader =>
        {
            if (!reader.IsDBNull(0))
            {
                (first, last) = (dialect.ReadInstant(reader, 0), dialect.ReadInstant(reader, 1));
            }
        }).ConfigureAwait(false);
        if (first is not Instant from || last is not Instant final)
        {
            return [];
        }

        Instant until = final + Tick;
        if (dates is not null)
        {
            (Instant lo, Instant hi) = PeriodBand.Of(dates, schedule.Zone);
            from = from < lo ? lo : from;
            until = until > hi ? hi : until;
        }

        return PeriodBand.Cover(schedule, cadences, from, until);
    }

    // The columns listed and the number of requests that share them: one row per combination where the database groups,
    // one row per request where it does not.
    private string Tally(string columns, string from, bool group = true) =>
        group && Dialect.GroupsReports ? $"SELECT {columns}, COUNT(*) {from} GROUP BY {columns}" : $"SELECT {columns} {from}";

    // Runs report queries on a connection of their own, in one read transaction (so they see the same records); each
    // query is given the bands it joins, if any, and hands its rows, as they come, to its reader.
    private async Task ReadingAsync(Func<Scan, Task> queries, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await Dialect.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
        if (Dialect.ReportSettings is string settings)
        {
            await using DbCommand set = SqlRecords.Command(connection, transaction, settings);
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await queries(async (select, bands, read) =>
        {
            await using DbCommand command = SqlRecords.Command(connection, transaction, string.Empty);
            command.CommandText = bands is null ? select : "WITH " + Dialect.Bands(command, bands) + " " + select;
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read(reader);
            }
        }).ConfigureAwait(false);
    }

    private sealed class Row
    {
        public int Full { get; set; }

        public int Partial { get; set; }

        public int Pending { get; set; }

        public int Denied { get; set; }

        public int NotApplicable { get; set; }

        public int Fulfilled { get; set; }

        public int Undisclosed { get; set; }

        public int Users { get; set; }

        public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

        /// <summary>Gets the number of requests counted for each bit of the deny reason mask, turned into codes at the end.</summary>
        public int[] ReasonBits { get; } = new int[Sql.ReasonBits.Capacity];

        public Dictionary<InstrumentKind, (int Received, int Fulfilled)> Instruments { get; } = [];
    }

    private sealed class DsaRow
    {
        public int Received { get; set; }

        public int Acknowledged { get; set; }

        public int GivenEffect { get; set; }

        public int Refused { get; set; }

        public int Closed { get; set; }

        /// <summary>Gets how many rows of each ordered pass (to acknowledgement, to effect) have counted for this group so far.</summary>
        public int[] Passed { get; } = new int[2];

        public List<Duration> ToAcknowledge { get; } = [];

        public List<Duration> ToEffect { get; } = [];
    }
}
