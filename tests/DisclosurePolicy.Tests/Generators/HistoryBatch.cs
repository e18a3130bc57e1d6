using DisclosurePolicy.Reporting;
using FsCheck;
using FsCheck.Fluent;
using DisclosurePolicy.Tests.Support;
using NodaTime;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>Requests' histories as a host records them: a batch of decisions, then for each at random nothing more, an
/// acknowledgement, one or two disclosures of a random non-empty subset of the permitted items some days later, or a
/// closing without disclosure; every event passes the validator.</summary>
public sealed class HistoryBatch(IReadOnlyList<RequestHistory> histories, IReadOnlyList<RequestEvent> events)
{
    public IReadOnlyList<RequestHistory> Histories { get; } = histories;

    /// <summary>Gets every event in the order it was recorded, decisions included.</summary>
    public IReadOnlyList<RequestEvent> Events { get; } = events;

    public static Arbitrary<HistoryBatch> Arbitrary() =>
        Arb.From(
            from count in Gen.Choose(0, 25)
            from seed in Gen.Choose(0, int.MaxValue)
            select Make(count, seed));

    public static HistoryBatch Make(int count, int seed)
    {
        var random = new Random(seed);
        var recorder = new InMemoryDecisionRecorder();
        var events = new List<RequestEvent>();
        foreach (DecisionRecord record in RecordArbitraries.Batch(count, seed).Records)
        {
            Add(recorder, events, RequestEvent.Decided(record));
            if (random.Next(2) == 0)
            {
                Add(recorder, events, RequestEvent.Acknowledged(record.RequestId, record.ReceivedAt + Duration.FromMinutes(random.Next(60 * 24 * 5))));
            }

            DisclosedItem[] permitted = [.. Support.Histories.PermittedItems(record)];
            int choice = random.Next(4);
            if (permitted.Length > 0 && choice < 3)
            {
                int disclosures = choice == 2 ? 2 : 1;
                for (int i = 0; i < disclosures; i++)
                {
                    DisclosedItem[] some = [.. permitted.Where(_ => random.Next(2) == 0)];
                    Instant at = record.DecidedAt + Duration.FromSeconds(random.Next(86_400 * 200));
                    Add(recorder, events, RequestEvent.Disclosed(record.RequestId, at, some.Length == 0 ? [permitted[0]] : some));
                }
            }
            else if (choice == 3)
            {
                Add(recorder, events, RequestEvent.ClosedWithoutDisclosure(record.RequestId, record.DecidedAt + Duration.FromHours(random.Next(100)), "not acted on"));
            }
        }

        return new HistoryBatch(recorder.Histories(), events);
    }

    public override string ToString() => string.Join(Environment.NewLine, Events);

    private static void Add(InMemoryDecisionRecorder recorder, List<RequestEvent> events, RequestEvent e)
    {
        recorder.Append(e);
        events.Add(e);
    }
}
