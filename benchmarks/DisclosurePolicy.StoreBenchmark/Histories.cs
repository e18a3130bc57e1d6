using DisclosurePolicy.Benchmarks.Workload;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.StoreBenchmark;

/// <summary>
/// Requests' histories as a platform records them, generated lazily (so memory does not grow with the count): the
/// benchmarks' 10,000-request batch shape (receipt dates 2015 to 2026, 12 countries, every outcome) repeated with new
/// ids and seeds; each decided two days after receipt, half acknowledged the day after receipt, four in five permitted
/// ones disclosed 1 to 60 days after the decision, the rest closed.
/// </summary>
internal static class Histories
{
    public static async IAsyncEnumerable<RequestHistory> Generate(string prefix, int count, int seed)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 9, 1, 0, 0));
        var engine = new DisclosureEngine(BuiltInRules.Policy, clock);
        var random = new Random(seed);
        for (int chunk = 0; chunk * RequestBatch.Size < count; chunk++)
        {
            LegalRequest[] batch = RequestBatch.Generate(RequestBatch.Size, seed + chunk);
            for (int i = 0; i < batch.Length && chunk * RequestBatch.Size + i < count; i++)
            {
                yield return Life(engine, clock, random, WithId(batch[i], $"{prefix}{chunk:D4}-{batch[i].Id}"));
            }

            await Task.Yield();
        }
    }

    private static RequestHistory Life(DisclosureEngine engine, FakeClock clock, Random random, LegalRequest request)
    {
        Instant received = request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromHours(random.Next(24));
        Instant decidedAt = received + Duration.FromDays(2);
        clock.Reset(decidedAt);
        Decision decision = engine.Evaluate(request);
        DecisionRecord record = DecisionRecord.Create(request, received, decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
        RequestHistory history = RequestHistory.Start(record);
        if (random.Next(2) == 0)
        {
            history = RequestHistory.Apply(history, RequestEvent.Acknowledged(request.Id, received + Duration.FromDays(1)), out _);
        }

        DisclosedItem[] permitted = [.. decision.Results.Where(r => r.Outcome == ItemOutcome.Permitted).Select(r => new DisclosedItem(r.AccountReference, r.Category))];
        if (permitted.Length > 0 && random.Next(5) != 0)
        {
            return RequestHistory.Apply(history, RequestEvent.Disclosed(request.Id, decidedAt + Duration.FromDays(random.Next(1, 61)), permitted), out _);
        }

        return random.Next(2) == 0
            ? RequestHistory.Apply(history, RequestEvent.ClosedWithoutDisclosure(request.Id, decidedAt + Duration.FromHours(3), "not acted on"), out _)
            : history;
    }

    private static LegalRequest WithId(LegalRequest r, string id) => new()
    {
        Id = id,
        ReceivedOn = r.ReceivedOn,
        IssuedOn = r.IssuedOn,
        Instrument = r.Instrument,
        Authority = r.Authority,
        Jurisdiction = r.Jurisdiction,
        Proceeding = r.Proceeding,
        OrderIsValid = r.OrderIsValid,
        IssuerIsRelevant = r.IssuerIsRelevant,
        Recipient = r.Recipient,
        Provenance = r.Provenance,
        PreservationOnly = r.PreservationOnly,
        EmergencyClaim = r.EmergencyClaim,
        Subjects = [.. r.Subjects.Select(s => new Subject($"{id}/{s.AccountReference}", s.Status, s.Offences))],
        RequestedData = r.RequestedData,
        LegalAnalysis = r.LegalAnalysis,
    };
}
