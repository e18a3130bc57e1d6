using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Builds decision records the way a host does: evaluate with the built-in engine, then record with the version that decided.</summary>
public static class Recorded
{
    public static DecisionRecord Of(LegalRequest request, Instant? decidedAt = null, Instant? receivedAt = null, DateTimeZone? zone = null)
    {
        Instant at = decidedAt ?? Engines.DecidedAt;
        Decision decision = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(at), zone ?? DateTimeZone.Utc).Evaluate(request);
        Instant received = receivedAt ?? request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromHours(8);
        return DecisionRecord.Create(request, received < at ? received : at, decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
    }

    public static Instant Utc(int year, int month, int day, int hour = 12, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);
}
