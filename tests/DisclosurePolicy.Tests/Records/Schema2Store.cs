using System.Data.Common;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Tests.Records;

/// <summary>Writes histories as the stores of schema version 2 wrote them (a row per offence and per deny reason, no
/// report columns in the request row), so that a migration test starts from a store such a version left behind.</summary>
/// <param name="instant">The parameter value of an instant in the database.</param>
/// <param name="date">The parameter value of a date in the database.</param>
/// <param name="jsonBody">The SQL of the event body parameter.</param>
internal sealed class Schema2Store(Func<Instant, object> instant, Func<LocalDate, object> date, string jsonBody)
{
    public async Task WriteAsync(DbConnection connection, IEnumerable<RequestHistory> histories)
    {
        await using DbTransaction transaction = await connection.BeginTransactionAsync();
        foreach (RequestHistory h in histories)
        {
            DecisionRecord r = h.Decision;
            LegalRequest request = r.Request;
            long seq = Convert.ToInt64(await ScalarAsync(connection, transaction,
                "INSERT INTO dp_request (request_id, country, received_on, received_at, decided_at, version_id, cadence, outcome, permitted, instrument, eu_member, " +
                "event_count, acknowledged_at, first_disclosed_at, closed_at) VALUES (@id, @country, @received_on, @received_at, @decided_at, @version_id, @cadence, " +
                "@outcome, @permitted, @instrument, @eu_member, @event_count, @acknowledged_at, @first_disclosed_at, @closed_at) RETURNING seq",
                ("@id", r.RequestId), ("@country", r.Jurisdiction), ("@received_on", date(request.ReceivedOn)), ("@received_at", instant(r.ReceivedAt)),
                ("@decided_at", instant(r.DecidedAt)), ("@version_id", r.VersionId), ("@cadence", (int)r.VersionCadence), ("@outcome", (int)r.Outcome),
                ("@permitted", r.Decision.IsPermitted ? 1 : 0), ("@instrument", (int)r.Instrument), ("@eu_member", request.Jurisdiction.IsEuMemberStateOn(request.ReceivedOn) ? 1 : 0),
                ("@event_count", h.Events.Count), ("@acknowledged_at", Optional(h.AcknowledgedAt)), ("@first_disclosed_at", Optional(h.FirstDisclosedAt)),
                ("@closed_at", Optional(h.Closing?.At))), System.Globalization.CultureInfo.InvariantCulture);
            OffenceCategory[] offences = [.. request.Subjects.SelectMany(s => s.Offences).Distinct()];
            foreach (OffenceCategory offence in offences.Length == 0 ? [OffenceCategory.Other] : offences)
            {
                await ScalarAsync(connection, transaction, "INSERT INTO dp_offence (request_seq, offence) VALUES (@seq, @offence)", ("@seq", seq), ("@offence", (int)offence));
            }

            bool denied = r.Outcome is not (DecisionOutcome.MayDisclose or DecisionOutcome.PartiallyPermitted or DecisionOutcome.PendingLegalAnalysis or DecisionOutcome.NotApplicable);
            foreach (string code in denied ? r.Decision.Reasons.Where(x => x.Effect == ClauseEffectKind.Deny).Select(x => x.Code).Distinct(StringComparer.Ordinal) : [])
            {
                await ScalarAsync(connection, transaction,
                    "INSERT INTO dp_deny_reason (request_seq, code, country, cadence, report_at) VALUES (@seq, @code, @country, @cadence, @report_at)",
                    ("@seq", seq), ("@code", code), ("@country", r.Jurisdiction), ("@cadence", (int)r.VersionCadence), ("@report_at", instant(r.DecidedAt)));
            }

            foreach (string account in h.AffectedAccounts)
            {
                await ScalarAsync(connection, transaction,
                    "INSERT INTO dp_disclosed_account (request_seq, account, country, cadence, report_at) VALUES (@seq, @account, @country, @cadence, @report_at)",
                    ("@seq", seq), ("@account", account), ("@country", r.Jurisdiction), ("@cadence", (int)r.VersionCadence), ("@report_at", instant(h.FirstDisclosedAt!.Value)));
            }

            for (int n = 0; n < h.Events.Count; n++)
            {
                await ScalarAsync(connection, transaction, $"INSERT INTO dp_event (request_seq, event_no, kind, at, body) VALUES (@seq, @no, @kind, @at, {jsonBody})",
                    ("@seq", seq), ("@no", n + 1), ("@kind", (int)h.Events[n].Kind), ("@at", instant(h.Events[n].At)), ("@body", RequestEventJson.Write(h.Events[n])));
            }
        }

        await transaction.CommitAsync();
    }

    private object? Optional(Instant? value) => value is Instant i ? instant(i) : null;

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteScalarAsync();
    }
}
