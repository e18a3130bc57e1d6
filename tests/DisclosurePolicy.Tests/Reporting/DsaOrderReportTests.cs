using System.Text.Json;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public class DsaOrderReportTests
{
    private static readonly ReportingSchedule HalfYears = ReportingSchedule.SemiAnnual(DateTimeZone.Utc);

    private static LegalRequest Order(string id, string country, LocalDate receivedOn, params OffenceCategory[] offences) =>
        Some.With(Some.V2Permitted(id), jurisdiction: country, receivedOn: receivedOn, subjects: [new Subject("user:" + id, SubjectStatus.Suspect, offences)]);

    private static RequestHistory Life(LegalRequest order, double? hoursToAcknowledge, double? hoursToDisclose, bool close = false)
    {
        DecisionRecord record = Recorded.Of(order, order.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromHours(12));
        RequestHistory history = RequestHistory.Start(record);
        if (hoursToAcknowledge is double ack)
        {
            history = RequestHistory.Apply(history, RequestEvent.Acknowledged(order.Id, record.ReceivedAt + Duration.FromHours(ack)), out _);
        }

        if (hoursToDisclose is double disclose)
        {
            history = RequestHistory.Apply(history, RequestEvent.Disclosed(order.Id, record.ReceivedAt + Duration.FromHours(disclose), Histories.PermittedItems(record)), out _);
        }

        return close ? RequestHistory.Apply(history, RequestEvent.ClosedWithoutDisclosure(order.Id, record.DecidedAt, "not acted on"), out _) : history;
    }

    [Fact]
    public void Build_OrdersFromMemberStates_ByStatePeriodAndOffenceWithMedians()
    {
        LocalDate april = new(2025, 4, 3);
        RequestHistory[] histories =
        [
            Life(Order("DE-1", "DE", april, OffenceCategory.DrugTrafficking), 2, 48),
            Life(Order("DE-2", "DE", april, OffenceCategory.DrugTrafficking), 4, 100),
            Life(Order("DE-3", "DE", april, OffenceCategory.DrugTrafficking), 10, null, close: true),
            Life(Some.With(Order("DE-4", "DE", april, OffenceCategory.DrugTrafficking), valid: false), null, null),
            Life(Order("FR-1", "FR", april, OffenceCategory.FraudOrScam, OffenceCategory.MoneyLaundering), null, null),
            Life(Order("US-1", "US", april, OffenceCategory.DrugTrafficking), 1, 10),
        ];

        DsaOrderReport report = DsaOrderReport.Build(histories, HalfYears);

        Assert.Equal(["DE 2025-H1 DrugTrafficking: 4 order(s)", "FR 2025-H1 FraudOrScam: 1 order(s)", "FR 2025-H1 MoneyLaundering: 1 order(s)"], report.Rows.Select(r => r.ToString()));
        DsaOrderReportRow de = report.Rows[0];
        Assert.Equal((3, Duration.FromHours(4)), (de.Acknowledged, de.MedianTimeToAcknowledge));
        Assert.Equal((2, Duration.FromHours(74)), (de.GivenEffect, de.MedianTimeToEffect));
        Assert.Equal((1, 1), (de.Refused, de.ClosedWithoutEffect));
        Assert.Null(report.Rows[1].MedianTimeToEffect);
    }

    [Fact]
    public void Build_UnitedKingdom_CountedOnlyForOrdersReceivedWhileAMember()
    {
        RequestHistory before = Life(Some.With(Some.V1Permitted("GB-1"), jurisdiction: "GB", receivedOn: new LocalDate(2020, 1, 31)), 1, null);
        RequestHistory after = Life(Some.With(Some.V1Permitted("GB-2"), jurisdiction: "GB", receivedOn: new LocalDate(2020, 2, 1)), 1, null);

        DsaOrderReportRow row = Assert.Single(DsaOrderReport.Build([before, after], HalfYears).Rows);

        Assert.Equal(("GB", 1, OffenceCategory.Terrorism), (row.MemberState, row.Received, row.Offence));
    }

    [Fact]
    public void Exports_Scenario_CsvJsonAndText()
    {
        DsaOrderReport report = DsaOrderReport.Build([Life(Order("DE-1", "DE", new LocalDate(2025, 4, 3), OffenceCategory.DrugTrafficking), 1.5, 36)], HalfYears);

        Assert.Equal(
            "member_state,period,start,end,offence,orders_received,acknowledged,median_hours_to_acknowledge,given_effect,median_hours_to_effect,refused,closed_without_effect\r\n" +
            "DE,2025-H1,2025-01-01,2025-06-30,DrugTrafficking,1,1,1.5,1,36,0,0\r\n",
            report.ToCsv());
        using JsonDocument json = JsonDocument.Parse(report.ToJson());
        Assert.Equal("dsa-order-report/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(36, json.RootElement.GetProperty("rows")[0].GetProperty("medianHoursToEffect").GetDouble());
        Assert.Contains("DE     2025-H1  DrugTrafficking", report.RenderText(), StringComparison.Ordinal);
    }
}
