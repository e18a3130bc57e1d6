using System.Data.Common;
using System.Runtime.CompilerServices;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Records.Sql;

/// <summary>
/// The recorder contract over a relational schema (see the stores' <c>Schema/*.sql</c>): one <c>dp_request</c> row per
/// request with narrow, indexed columns, its offence categories and deny reason codes among them as bit masks; its
/// events in <c>dp_event</c> as their JSON, numbered; the disclosed accounts beside them for the reports.
/// </summary>
/// <remarks>
/// <para>Every append runs in one write transaction: it reads (and locks) the request's row, rebuilds its history,
/// checks the event with <see cref="RequestHistory.Apply"/>, then inserts. The unique key on the request id and the
/// primary key (request, event number) make a duplicate or a second history impossible whatever the writers do; a writer
/// that loses a race retries and then finds the record already there, or gets the conflict.</para>
/// <para><see cref="AppendCheckedAsync"/> is the batch path of a host that has checked the events itself: it writes
/// without reading back, and the same keys, with the event count the row must still have, turn a lost race into a
/// request returned unwritten.</para>
/// </remarks>
internal sealed class SqlRecords
{
    /// <summary>How many histories an import commits together.</summary>
    public const int ImportBatch = 1000;

    private const int Retries = 5;

    public SqlRecords(SqlDialect dialect)
    {
        Dialect = dialect;
        Reasons = new ReasonBits(dialect);
    }

    public SqlDialect Dialect { get; }

    /// <summary>Gets the bits of the deny reason codes in the request rows.</summary>
    public ReasonBits Reasons { get; }

    public async ValueTask<RecordOutcome> AppendAsync(RequestEvent requestEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        if (requestEvent.Decision is DecisionRecord decided)
        {
            await Reasons.EnsureAsync([decided], cancellationToken).ConfigureAwait(false);
        }

        for (int attempt = 1; ; attempt++)
        {
            await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using DbTransaction transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            (long Seq, RequestHistory History)? stored = await LockAsync(connection, transaction, requestEvent.RequestId, cancellationToken).ConfigureAwait(false);
            RequestHistory next = RequestHistory.Apply(stored?.History, requestEvent, out RecordOutcome outcome);
            if (outcome == RecordOutcome.AlreadyRecorded)
            {
                return outcome;
            }

            bool written = stored is (long seq, RequestHistory before)
                ? await AppendEventsAsync(connection, transaction, seq, before, next, cancellationToken).ConfigureAwait(false)
                : await InsertAsync(connection, transaction, next, cancellationToken).ConfigureAwait(false);
            if (written)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return outcome;
            }

            // Another writer stored the request between our read and our insert: read it again and decide anew.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            if (attempt == Retries)
            {
                throw new InvalidOperationException($"Request '{requestEvent.RequestId}' kept changing under {Dialect.StoreName}; nothing was written.");
            }
        }
    }

    public async ValueTask<ImportSummary> ImportAsync(IAsyncEnumerable<RequestHistory> histories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(histories);
        long requests = 0, recorded = 0, already = 0;
        var batch = new List<RequestHistory>(ImportBatch);
        await foreach (RequestHistory history in histories.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(history, nameof(histories));
            batch.Add(history);
            requests++;
            if (batch.Count == ImportBatch)
            {
                (long r, long a) = await ImportBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                recorded += r;
                already += a;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            (long r, long a) = await ImportBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            recorded += r;
            already += a;
        }

        return new ImportSummary(requests, recorded, already);
    }

    /// <summary>
    /// Writes, in one transaction, histories whose new events the caller has checked with <see cref="RequestHistory.Apply"/>
    /// against what it read from this store, without reading anything back: a request's row is inserted, or its row's
    /// summary is updated only where it still has the event count the caller saw, and the new events are inserted after it.
    /// </summary>
    /// <returns>The ids of the requests another writer changed since the caller's read: nothing of them was written.</returns>
    public async ValueTask<IReadOnlyList<string>> AppendCheckedAsync(IReadOnlyList<RequestHistory> histories, IReadOnlyList<int> storedEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(storedEvents);
        if (histories.Count != storedEvents.Count)
        {
            throw new ArgumentException($"{histories.Count} histories but {storedEvents.Count} stored event counts; give one count per history.", nameof(storedEvents));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < histories.Count; i++)
        {
            RequestHistory history = histories[i] ?? throw new ArgumentNullException(nameof(histories), $"histories[{i}] is null.");
            if (storedEvents[i] < 0 || storedEvents[i] >= history.Events.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(storedEvents), storedEvents[i],
                    $"storedEvents[{i}] must be from 0 to {history.Events.Count - 1}: request '{history.RequestId}' has {history.Events.Count} events, and at least one must be new.");
            }

            if (!ids.Add(history.RequestId))
            {
                throw new ArgumentException($"Request '{history.RequestId}' appears twice; give each request's history once, with all its new events.", nameof(histories));
            }
        }

        var stale = new List<string>();
        if (histories.Count == 0)
        {
            return stale;
        }

        await Reasons.EnsureAsync(histories.Where((_, i) => storedEvents[i] == 0).Select(h => h.Decision), cancellationToken).ConfigureAwait(false);

        // Two steps, each one round trip on a server: the request rows (inserted or extended, each giving its number or
        // nothing when another writer got there first), then the events and report facts of those written.
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        string insert = $"INSERT INTO dp_request ({RequestColumns}) VALUES ({RequestParameters}) ON CONFLICT (request_id) DO NOTHING RETURNING seq";
        const string Update =
            "UPDATE dp_request SET event_count = @event_count, acknowledged_at = @acknowledged_at, first_disclosed_at = @first_disclosed_at, " +
            "closed_at = @closed_at, report_at = @report_at WHERE request_id = @id AND event_count = @expected RETURNING seq";
        object?[] returned = await Dialect.RunAllAsync(connection, transaction, [.. histories.Select((history, i) => storedEvents[i] == 0
            ? (insert, RequestValues(history))
            : (Update, new object?[]
            {
                history.Events.Count, Optional(history.AcknowledgedAt), Optional(history.FirstDisclosedAt), Optional(history.Closing?.At),
                Dialect.Instant(ReportAt(history)), history.RequestId, storedEvents[i],
            }))], cancellationToken).ConfigureAwait(false);

        string events = $"INSERT INTO dp_event (request_seq, event_no, kind, at, body) VALUES (@seq, @no, @kind, @at, {Dialect.JsonBody})";
        const string Accounts =
            "INSERT INTO dp_disclosed_account (request_seq, account, country, cadence, report_at) VALUES (@seq, @value, @country, @cadence, @report_at) ON CONFLICT DO NOTHING";
        const string Moved = "UPDATE dp_disclosed_account SET report_at = @report_at WHERE request_seq = @seq";
        var rest = new List<(string Sql, object?[] Values)>();
        for (int i = 0; i < histories.Count; i++)
        {
            RequestHistory history = histories[i];
            int stored = storedEvents[i];
            if (returned[i] is null or DBNull)
            {
                stale.Add(history.RequestId);
                continue;
            }

            long seq = Convert.ToInt64(returned[i], System.Globalization.CultureInfo.InvariantCulture);
            if (stored == 0)
            {
                await InsertOverflowReasonsAsync(connection, transaction, seq, history, cancellationToken).ConfigureAwait(false);
            }

            Instant? firstBefore = history.Events.Take(stored).Where(e => e.Kind == RequestEventKind.Disclosed).Select(e => (Instant?)e.At).Min();
            if (firstBefore is not null && history.FirstDisclosedAt != firstBefore)
            {
                // A disclosure recorded late but made earlier moves the request to the period of its new first disclosure.
                rest.Add((Moved, [Dialect.Instant(history.FirstDisclosedAt!.Value), seq]));
            }

            for (int n = stored; n < history.Events.Count; n++)
            {
                RequestEvent e = history.Events[n];
                rest.Add((events, [seq, n + 1, (int)e.Kind, Dialect.Instant(e.At), RequestEventJson.Write(e)]));
                foreach (string account in e.Items.Select(item => item.AccountReference).Distinct(StringComparer.Ordinal))
                {
                    rest.Add((Accounts, [seq, account, history.Decision.Jurisdiction, (int)history.Decision.VersionCadence, Dialect.Instant(history.FirstDisclosedAt!.Value)]));
                }
            }
        }

        await Dialect.RunAllAsync(connection, transaction, rest, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stale;
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dp_request";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask<RequestHistory?> FindHistoryAsync(string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT r.seq, e.body FROM dp_request r JOIN dp_event e ON e.request_seq = r.seq WHERE r.request_id = @id ORDER BY e.event_no";
        SqlDialect.Add(command, "@id", requestId);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        RequestHistory? history = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history = Rebuild(history, requestId, reader.GetString(1));
        }

        return history;
    }

    public async IAsyncEnumerable<RequestHistory> ReadHistoriesAsync(RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Country is string country)
        {
            where.Add("r.country = @country");
            SqlDialect.Add(command, "@country", country);
        }

        if (query.ReceivedOn is DateInterval dates)
        {
            where.Add("r.received_on >= @from AND r.received_on <= @to");
            SqlDialect.Add(command, "@from", Dialect.Date(dates.Start));
            SqlDialect.Add(command, "@to", Dialect.Date(dates.End));
        }

        if (query.VersionId is string version)
        {
            where.Add("r.version_id = @version");
            SqlDialect.Add(command, "@version", version);
        }

        command.CommandText = "SELECT r.seq, r.request_id, e.body FROM dp_request r JOIN dp_event e ON e.request_seq = r.seq"
            + (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where))
            + " ORDER BY r.seq, e.event_no";
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        RequestHistory? history = null;
        long current = long.MinValue;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long seq = reader.GetInt64(0);
            if (seq != current && history is not null)
            {
                yield return history;
                history = null;
            }

            current = seq;
            history = Rebuild(history, reader.GetString(1), reader.GetString(2));
        }

        if (history is not null)
        {
            yield return history;
        }
    }

    public ValueTask<TransparencyReport> BuildTransparencyReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new SqlReports(this).TransparencyAsync(schedule, dates, cancellationToken);
    }

    public ValueTask<DsaOrderReport> BuildDsaOrderReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new SqlReports(this).DsaAsync(schedule, dates, cancellationToken);
    }

    /// <summary>Gets or sets what runs between a DSA report's counts and its ordered passes: a test's way to write there.</summary>
    public Func<Task>? BetweenReportQueries { get; set; }

    /// <summary>The columns of a new <c>dp_request</c> row, in the order <see cref="RequestValues"/> gives their values.</summary>
    public const string RequestColumns =
        "request_id, country, received_on, received_at, decided_at, version_id, cadence, outcome, permitted, instrument, eu_member, " +
        "offences, deny_reasons, event_count, acknowledged_at, first_disclosed_at, closed_at, report_at";

    /// <summary>The parameters of <see cref="RequestColumns"/>, in the same order.</summary>
    public const string RequestParameters =
        "@id, @country, @received_on, @received_at, @decided_at, @version_id, @cadence, @outcome, @permitted, @instrument, @eu_member, " +
        "@offences, @deny_reasons, @event_count, @acknowledged_at, @first_disclosed_at, @closed_at, @report_at";

    /// <summary>The values of a new <c>dp_request</c> row for <paramref name="history"/>, in the order of <see cref="RequestColumns"/>.</summary>
    public object?[] RequestValues(RequestHistory history)
    {
        DecisionRecord record = history.Decision;
        var facts = RequestFacts.Of(record);
        return
        [
            record.RequestId, record.Jurisdiction, Dialect.Date(record.Request.ReceivedOn), Dialect.Instant(record.ReceivedAt),
            Dialect.Instant(record.DecidedAt), record.VersionId, (int)record.VersionCadence, (int)record.Outcome, record.Decision.IsPermitted ? 1 : 0,
            (int)record.Instrument, facts.EuMember ? 1 : 0, facts.OffenceMask, Reasons.Of(facts).Mask, history.Events.Count,
            Optional(history.AcknowledgedAt), Optional(history.FirstDisclosedAt), Optional(history.Closing?.At),
            Dialect.Instant(ReportAt(history)),
        ];
    }

    /// <summary>The instant a request is reported under in the transparency report: its first disclosure, or its decision.</summary>
    public static Instant ReportAt(RequestHistory history) => history.FirstDisclosedAt ?? history.Decision.DecidedAt;

    /// <summary>Inserts a request none of whose events is stored: its row, all its events and its report facts; returns
    /// <see langword="false"/> when another writer stored the request first.</summary>
    public async ValueTask<bool> InsertAsync(DbConnection connection, DbTransaction transaction, RequestHistory history, CancellationToken cancellationToken)
    {
        long? seq;
        await using (DbCommand insert = Command(connection, transaction,
            $"INSERT INTO dp_request ({RequestColumns}) VALUES ({RequestParameters}) ON CONFLICT (request_id) DO NOTHING RETURNING seq"))
        {
            object?[] values = RequestValues(history);
            string[] names = RequestParameters.Split(", ");
            for (int i = 0; i < names.Length; i++)
            {
                SqlDialect.Add(insert, names[i], values[i]);
            }

            object? returned = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            seq = returned is null or DBNull ? null : Convert.ToInt64(returned, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (seq is not long id)
        {
            return false;
        }

        await InsertOverflowReasonsAsync(connection, transaction, id, history, cancellationToken).ConfigureAwait(false);
        await InsertEventsAsync(connection, transaction, id, 0, history, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Inserts a row per deny reason code of a new request that has no bit in the mask (past the 63rd code).</summary>
    public async ValueTask InsertOverflowReasonsAsync(DbConnection connection, DbTransaction transaction, long seq, RequestHistory history, CancellationToken cancellationToken)
    {
        DecisionRecord record = history.Decision;
        foreach (string code in Reasons.Of(RequestFacts.Of(record)).Overflow)
        {
            // A denied request never has a disclosure: it is reported under its decision instant.
            await using DbCommand reason = Command(connection, transaction,
                "INSERT INTO dp_deny_reason (request_seq, code, country, cadence, report_at) VALUES (@seq, @value, @country, @cadence, @report_at)");
            SqlDialect.Add(reason, "@seq", seq);
            SqlDialect.Add(reason, "@value", code);
            SqlDialect.Add(reason, "@country", record.Jurisdiction);
            SqlDialect.Add(reason, "@cadence", (int)record.VersionCadence);
            SqlDialect.Add(reason, "@report_at", Dialect.Instant(record.DecidedAt));
            await reason.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rebuilds a history from its stored events, one at a time; a stored event that cannot be read fails closed.</summary>
    public RequestHistory Rebuild(RequestHistory? history, string requestId, string body)
    {
        ReadResult<RequestEvent> read = RequestEventJson.Read(body);
        if (!read.IsValid)
        {
            throw new InvalidDataException($"{Dialect.StoreName}: a stored event of request '{requestId}' cannot be read: {string.Join("; ", read.Problems.Problems)}.");
        }

        return RequestHistory.Apply(history, read.Value!, out _);
    }

    public void AddSummary(DbCommand command, RequestHistory history)
    {
        SqlDialect.Add(command, "@event_count", history.Events.Count);
        SqlDialect.Add(command, "@acknowledged_at", Optional(history.AcknowledgedAt));
        SqlDialect.Add(command, "@first_disclosed_at", Optional(history.FirstDisclosedAt));
        SqlDialect.Add(command, "@closed_at", Optional(history.Closing?.At));
        SqlDialect.Add(command, "@report_at", Dialect.Instant(ReportAt(history)));
    }

    /// <summary>Returns the parameter value of an instant that may be missing.</summary>
    public object? Optional(Instant? value) => value is Instant instant ? Dialect.Instant(instant) : null;

    /// <summary>The update of a request row's summary of its events (without its WHERE clause).</summary>
    public const string UpdateSummarySql =
        "UPDATE dp_request SET event_count = @event_count, acknowledged_at = @acknowledged_at, first_disclosed_at = @first_disclosed_at, " +
        "closed_at = @closed_at, report_at = @report_at";

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async ValueTask<(long Seq, RequestHistory History)?> LockAsync(DbConnection connection, DbTransaction transaction, string requestId, CancellationToken cancellationToken)
    {
        long seq;
        await using (DbCommand find = Command(connection, transaction, Dialect.LockRequestSql))
        {
            SqlDialect.Add(find, "@id", requestId);
            object? found = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (found is null or DBNull)
            {
                return null;
            }

            seq = Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
        }

        await using DbCommand events = Command(connection, transaction, "SELECT body FROM dp_event WHERE request_seq = @seq ORDER BY event_no");
        SqlDialect.Add(events, "@seq", seq);
        await using DbDataReader reader = await events.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        RequestHistory? history = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history = Rebuild(history, requestId, reader.GetString(0));
        }

        return history is null
            ? throw new InvalidDataException($"{Dialect.StoreName}: request '{requestId}' has a row but no stored decision.")
            : (seq, history);
    }

    private async ValueTask<bool> AppendEventsAsync(DbConnection connection, DbTransaction transaction, long seq, RequestHistory before, RequestHistory next, CancellationToken cancellationToken)
    {
        await using (DbCommand update = Command(connection, transaction,
            UpdateSummarySql + " WHERE seq = @seq AND event_count = @expected"))
        {
            AddSummary(update, next);
            SqlDialect.Add(update, "@seq", seq);
            SqlDialect.Add(update, "@expected", before.Events.Count);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        if (before.FirstDisclosedAt is Instant first && next.FirstDisclosedAt != first)
        {
            // A disclosure recorded late but made earlier moves the request to the period of its new first disclosure.
            await using DbCommand moved = Command(connection, transaction, "UPDATE dp_disclosed_account SET report_at = @report_at WHERE request_seq = @seq");
            SqlDialect.Add(moved, "@report_at", Dialect.Instant(next.FirstDisclosedAt!.Value));
            SqlDialect.Add(moved, "@seq", seq);
            await moved.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertEventsAsync(connection, transaction, seq, before.Events.Count, next, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async ValueTask InsertEventsAsync(DbConnection connection, DbTransaction transaction, long seq, int from, RequestHistory history, CancellationToken cancellationToken)
    {
        for (int i = from; i < history.Events.Count; i++)
        {
            RequestEvent e = history.Events[i];
            await using DbCommand insert = Command(connection, transaction,
                $"INSERT INTO dp_event (request_seq, event_no, kind, at, body) VALUES (@seq, @no, @kind, @at, {Dialect.JsonBody})");
            SqlDialect.Add(insert, "@seq", seq);
            SqlDialect.Add(insert, "@no", i + 1);
            SqlDialect.Add(insert, "@kind", (int)e.Kind);
            SqlDialect.Add(insert, "@at", Dialect.Instant(e.At));
            SqlDialect.Add(insert, "@body", RequestEventJson.Write(e));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (string account in e.Items.Select(item => item.AccountReference).Distinct(StringComparer.Ordinal))
            {
                await using DbCommand affected = Command(connection, transaction,
                    "INSERT INTO dp_disclosed_account (request_seq, account, country, cadence, report_at) VALUES (@seq, @value, @country, @cadence, @report_at) " +
                    "ON CONFLICT DO NOTHING");
                SqlDialect.Add(affected, "@seq", seq);
                SqlDialect.Add(affected, "@value", account);
                SqlDialect.Add(affected, "@country", history.Decision.Jurisdiction);
                SqlDialect.Add(affected, "@cadence", (int)history.Decision.VersionCadence);
                SqlDialect.Add(affected, "@report_at", Dialect.Instant(history.FirstDisclosedAt!.Value));
                await affected.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // One transaction per batch. Every history is checked against what is stored before anything of it is written; when
    // one is refused, the histories before it are committed and the exception propagates.
    private async ValueTask<(long Recorded, long Already)> ImportBatchAsync(List<RequestHistory> batch, CancellationToken cancellationToken)
    {
        await Reasons.EnsureAsync(batch.Select(h => h.Decision), cancellationToken).ConfigureAwait(false);
        for (int attempt = 1; ; attempt++)
        {
            await using DbConnection connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using DbTransaction transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            long recorded = 0, already = 0;
            HashSet<string> stored = await Dialect.StoredIdsAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
            List<RequestHistory> fresh = [.. batch.Where(h => !stored.Contains(h.RequestId))];
            if (fresh.Count == batch.Count && batch.DistinctBy(h => h.RequestId, StringComparer.Ordinal).Count() == batch.Count)
            {
                // The common case of a bulk import: nothing of the batch is stored; each history was checked when it was built.
                if (!await Dialect.InsertNewAsync(this, connection, transaction, batch, cancellationToken).ConfigureAwait(false))
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (batch.Sum(h => (long)h.Events.Count), 0);
            }

            bool retry = false;
            Exception? refused = null;
            foreach (RequestHistory history in batch)
            {
                (long Seq, RequestHistory History)? existing = await LockAsync(connection, transaction, history.RequestId, cancellationToken).ConfigureAwait(false);
                RequestHistory? next = existing?.History;
                int added = 0;
                try
                {
                    foreach (RequestEvent e in history.Events)
                    {
                        next = RequestHistory.Apply(next, e, out RecordOutcome outcome);
                        added += outcome == RecordOutcome.Recorded ? 1 : 0;
                        already += outcome == RecordOutcome.AlreadyRecorded ? 1 : 0;
                    }
                }
                catch (Exception ex) when (ex is RecordConflictException or RequestEventConflictException)
                {
                    refused = ex;
                    break;
                }

                recorded += added;
                if (added == 0)
                {
                    continue;
                }

                bool written = existing is (long seq, RequestHistory before)
                    ? await AppendEventsAsync(connection, transaction, seq, before, next!, cancellationToken).ConfigureAwait(false)
                    : await InsertAsync(connection, transaction, next!, cancellationToken).ConfigureAwait(false);
                if (!written)
                {
                    retry = true;
                    break;
                }
            }

            if (retry && attempt < Retries)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refused);
            }

            return (recorded, already);
        }
    }
}
