using System.Data.Common;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Records.Sql;

/// <summary>
/// Builds the transparency and DSA reports in the database: the schedule's periods become instant ranges (computed here,
/// in NodaTime, so zones and calendars are never the database's business), the database groups and counts the narrow
/// columns of the request rows joined against them, and only the grouped rows come back; medians come back as the one or
/// two middle rows of each group. Memory does not grow with the number of records.
/// </summary>
/// <remarks>
/// <para>Each report reads one covering index of <c>dp_request</c> and joins no other table: a request's deny reason codes
/// and offence categories are columns of its row, grouped as they are and split into codes and categories here. The
/// independent queries of a report run at once, each on its own connection.</para>
/// </remarks>
internal sealed class SqlReports(SqlRecords records)
{
    private const string ReportAt = "r.report_at";
    private static readonly Duration Tick = Duration.FromNanoseconds(1000);

    // The instants whose durations from receipt the DSA report takes medians of: to acknowledgement, to effect.
    private static readonly string[] DurationEnds = ["acknowledged_at", "first_disclosed_at"];

    private SqlDialect Dialect => records.Dialect;

    public async ValueTask<TransparencyReport> TransparencyAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken)
    {
        // One MIN and one MAX per cadence, each a single step into the index on (cadence, report instant).
        string range = "SELECT MIN(lo), MAX(hi) FROM (" + string.Join(" UNION ALL ", Enum.GetValues<ReportingCadence>().Select(c =>
            $"SELECT (SELECT MIN({ReportAt}) FROM dp_request r WHERE r.cadence = {(int)c}) AS lo, (SELECT MAX({ReportAt}) FROM dp_request r WHERE r.cadence = {(int)c}) AS hi")) + ") m";
        List<PeriodBand> bands = await BandsAsync(range, schedule, Enum.GetValues<ReportingCadence>(), dates, cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<(string Country, int Index), Row>();
        if (bands.Count == 0)
        {
            return new TransparencyReport(schedule, []);
        }

        List<(int Bit, string Code)> codes;
        await using (DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            codes = await ReasonBits.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        // The deny reasons with a bit are summed bit by bit in the scan that counts everything else; the few past the 63rd
        // code keep a row each.
        string join = $"FROM p CROSS JOIN dp_request r WHERE r.cadence = p.cadence AND {ReportAt} >= p.lo AND {ReportAt} < p.hi";
        Task<List<object[]>> counts = ReadAsync(bands,
            $"SELECT r.country, p.idx, r.instrument, COUNT(*), {Count($"r.outcome = {(int)DecisionOutcome.MayDisclose}")}, " +
            $"{Count($"r.outcome = {(int)DecisionOutcome.PartiallyPermitted}")}, {Count($"r.outcome = {(int)DecisionOutcome.PendingLegalAnalysis}")}, " +
            $"{Count($"r.outcome = {(int)DecisionOutcome.NotApplicable}")}, {Count("r.first_disclosed_at IS NOT NULL")}, " +
            $"{Count("r.first_disclosed_at IS NULL AND r.permitted = 1")}" +
            string.Concat(codes.Select(c => $", SUM((r.deny_reasons >> {c.Bit}) & 1)")) +
            $" {join} GROUP BY r.country, p.idx, r.instrument",
            cancellationToken);
        Task<List<object[]>> users = ReadAsync(bands,
            "SELECT a.country, p.idx, COUNT(DISTINCT a.account) FROM p CROSS JOIN dp_disclosed_account a " +
            "WHERE a.cadence = p.cadence AND a.report_at >= p.lo AND a.report_at < p.hi GROUP BY a.country, p.idx",
            cancellationToken);
        Task<List<object[]>> overflow = ReadAsync(bands,
            "SELECT d.country, p.idx, d.code, COUNT(*) FROM p CROSS JOIN dp_deny_reason d " +
            "WHERE d.cadence = p.cadence AND d.report_at >= p.lo AND d.report_at < p.hi GROUP BY d.country, p.idx, d.code",
            cancellationToken);
        foreach (object[] v in await counts.ConfigureAwait(false))
        {
            Row row = Of(rows, v);
            int received = Int(v[3]), full = Int(v[4]), partial = Int(v[5]), pending = Int(v[6]), notApplicable = Int(v[7]), fulfilled = Int(v[8]);
            row.Full += full;
            row.Partial += partial;
            row.Pending += pending;
            row.NotApplicable += notApplicable;
            row.Denied += received - full - partial - pending - notApplicable;
            row.Fulfilled += fulfilled;
            row.Undisclosed += Int(v[9]);
            row.Instruments[(InstrumentKind)Int(v[2])] = (received, fulfilled);
            for (int i = 0; i < codes.Count; i++)
            {
                AddReason(row, codes[i].Code, Int(v[10 + i]));
            }
        }

        foreach (object[] v in await users.ConfigureAwait(false))
        {
            Of(rows, v).Users = Int(v[2]);
        }

        foreach (object[] v in await overflow.ConfigureAwait(false))
        {
            AddReason(Of(rows, v), (string)v[2], Int(v[3]));
        }

        Dictionary<int, ReportingPeriod> periods = Periods(bands);
        return new TransparencyReport(schedule, rows
            .Select(g => Build(g.Key.Country, periods[g.Key.Index], g.Value))
            .OrderBy(r => r.Country, StringComparer.Ordinal)
            .ThenBy(r => r.Period.Start)
            .ThenBy(r => r.Period.End)
            .ThenBy(r => r.Period.Label, StringComparer.Ordinal));
    }

    public async ValueTask<DsaOrderReport> DsaAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken)
    {
        List<PeriodBand> bands = await BandsAsync("SELECT (SELECT MIN(r.received_at) FROM dp_request r WHERE r.eu_member = 1), (SELECT MAX(r.received_at) FROM dp_request r WHERE r.eu_member = 1)", schedule, [ReportingCadence.None], dates, cancellationToken).ConfigureAwait(false);
        if (bands.Count == 0)
        {
            return new DsaOrderReport(schedule, []);
        }

        // Each request counts once for each offence category whose bit it has.
        string offences = "o(offence) AS (VALUES " + string.Join(", ", Enum.GetValues<OffenceCategory>().Select(o => $"({(int)o})")) + ")";
        const string From = "FROM p CROSS JOIN dp_request r JOIN o ON ((r.offences >> o.offence) & 1) = 1 WHERE r.eu_member = 1 AND r.received_at >= p.lo AND r.received_at < p.hi";
        string refused = $"r.first_disclosed_at IS NULL AND r.permitted = 0 AND r.outcome <> {(int)DecisionOutcome.PendingLegalAnalysis}";
        Task<List<object[]>> counts = ReadAsync(bands,
            $"SELECT r.country, p.idx, o.offence, COUNT(*), {Count("r.acknowledged_at IS NOT NULL")}, {Count("r.first_disclosed_at IS NOT NULL")}, " +
            $"{Count(refused)}, {Count($"r.first_disclosed_at IS NULL AND NOT ({refused}) AND r.closed_at IS NOT NULL")} {From} GROUP BY r.country, p.idx, o.offence",
            cancellationToken, offences);

        // The one or two middle durations of each group.
        Task<List<object[]>>[] middles = [.. DurationEnds.Select(column => ReadAsync(bands,
            $"SELECT country, idx, offence, received_at, other FROM (SELECT r.country AS country, p.idx AS idx, o.offence AS offence, " +
            $"r.received_at AS received_at, r.{column} AS other, " +
            $"ROW_NUMBER() OVER (PARTITION BY r.country, p.idx, o.offence ORDER BY r.{column} - r.received_at) AS n, " +
            $"COUNT(*) OVER (PARTITION BY r.country, p.idx, o.offence) AS total {From} AND r.{column} IS NOT NULL) m " +
            "WHERE n = (total + 1) / 2 OR n = (total + 2) / 2",
            cancellationToken, offences))];

        var rows = new Dictionary<(string State, int Index, OffenceCategory Offence), DsaRow>();
        foreach (object[] v in await counts.ConfigureAwait(false))
        {
            rows[((string)v[0], Int(v[1]), (OffenceCategory)Int(v[2]))] = new DsaRow(Int(v[3]), Int(v[4]), Int(v[5]), Int(v[6]), Int(v[7]));
        }

        for (int m = 0; m < middles.Length; m++)
        {
            foreach (object[] v in await middles[m].ConfigureAwait(false))
            {
                DsaRow row = rows[((string)v[0], Int(v[1]), (OffenceCategory)Int(v[2]))];
                (m == 0 ? row.ToAcknowledge : row.ToEffect).Add(Dialect.InstantOf(v[4]) - Dialect.InstantOf(v[3]));
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

    private static int Int(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Count(string condition) => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)";

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

    private static Row Of(Dictionary<(string Country, int Index), Row> rows, object[] values)
    {
        var key = ((string)values[0], Int(values[1]));
        if (!rows.TryGetValue(key, out Row? row))
        {
            row = new Row();
            rows.Add(key, row);
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

    private async ValueTask<List<PeriodBand>> BandsAsync(
        string range, ReportingSchedule schedule, IEnumerable<ReportingCadence> cadences, DateInterval? dates, CancellationToken cancellationToken)
    {
        Instant from, until;
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (DbCommand command = SqlRecords.Command(connection, null, range))
        {
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
            {
                return [];
            }

            from = Dialect.ReadInstant(reader, 0);
            until = Dialect.ReadInstant(reader, 1) + Tick;
        }

        if (dates is not null)
        {
            (Instant lo, Instant hi) = PeriodBand.Of(dates, schedule.Zone);
            from = from < lo ? lo : from;
            until = until > hi ? hi : until;
        }

        return PeriodBand.Cover(schedule, cadences, from, until);
    }

    // Each query on its own connection, so that the queries of one report run at once; instants come back as Instant.
    private async Task<List<object[]>> ReadAsync(List<PeriodBand> bands, string select, CancellationToken cancellationToken, string? with = null)
    {
        var rows = new List<object[]>();
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction? transaction = Dialect.ReportSettings is null ? null : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (Dialect.ReportSettings is string settings)
        {
            await using DbCommand set = SqlRecords.Command(connection, transaction, settings);
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using DbCommand command = SqlRecords.Command(connection, transaction, string.Empty);
        command.CommandText = "WITH " + Dialect.Bands(command, bands) + (with is null ? " " : ", " + with + " ") + select;
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            object[] values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
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

        public Dictionary<InstrumentKind, (int Received, int Fulfilled)> Instruments { get; } = [];
    }

    private sealed class DsaRow(int received, int acknowledged, int givenEffect, int refused, int closed)
    {
        public int Received { get; } = received;

        public int Acknowledged { get; } = acknowledged;

        public int GivenEffect { get; } = givenEffect;

        public int Refused { get; } = refused;

        public int Closed { get; } = closed;

        public List<Duration> ToAcknowledge { get; } = [];

        public List<Duration> ToEffect { get; } = [];
    }
}
