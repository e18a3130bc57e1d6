using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>Decision records made by the library from the sample requests, decided on 2025-03-01.</summary>
internal static class TestRecords
{
    private static readonly DisclosureEngine Engine = new(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 3, 1, 9, 0)));

    public static DecisionRecord Permitted(string id) => Record(SampleRequests.Permitted(id));

    public static DecisionRecord Failed(string id) => Record(SampleRequests.Failed(id));

    private static DecisionRecord Record(string json)
    {
        LegalRequest request = RequestJson.Read(json).Value!;
        Decision decision = Engine.Evaluate(request);
        return DecisionRecord.Create(request, request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
    }
}
