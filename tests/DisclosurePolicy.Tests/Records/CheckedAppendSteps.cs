using DisclosurePolicy.Reporting;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Records;

/// <summary>What a database store's <c>AppendCheckedAsync</c> promises, run against each store by its own test class.</summary>
internal static class CheckedAppendSteps
{
    public static async Task NewAndExtendedWrittenStaleReturnedAndNotWritten(
        IDecisionRecorder store, Func<IReadOnlyList<RequestHistory>, IReadOnlyList<int>, ValueTask<IReadOnlyList<string>>> appendChecked)
    {
        DecisionRecord a = Recorded.Of(Some.V2Permitted("REQ-A"));
        DecisionRecord b = Recorded.Of(Some.V2Permitted("REQ-B"));
        await store.RecordAsync(a);
        RequestHistory acknowledged = RequestHistory.Apply(RequestHistory.Start(a), RequestEvent.Acknowledged(a.RequestId, a.DecidedAt + Duration.FromHours(1)), out _);
        RequestHistory disclosed = Histories.DisclosingAll(b);

        IReadOnlyList<string> stale = await appendChecked([acknowledged, disclosed], [1, 0]);

        Assert.Empty(stale);
        Assert.Equal(acknowledged.Events, (await store.FindHistoryAsync("REQ-A"))!.Events);
        Assert.Equal(disclosed.Events, (await store.FindHistoryAsync("REQ-B"))!.Events);

        // Checked against histories that are no longer what is stored: returned, and nothing of them written.
        RequestHistory closedFromDecision = RequestHistory.Apply(RequestHistory.Start(a), RequestEvent.ClosedWithoutDisclosure(a.RequestId, a.DecidedAt + Duration.FromHours(2), "withdrawn"), out _);
        DecisionRecord c = Recorded.Of(Some.V2Permitted("REQ-C"));

        stale = await appendChecked([closedFromDecision, RequestHistory.Start(b), RequestHistory.Start(c)], [1, 0, 0]);

        Assert.Equal(["REQ-A", "REQ-B"], stale);
        Assert.Equal(acknowledged.Events, (await store.FindHistoryAsync("REQ-A"))!.Events);
        Assert.Equal(disclosed.Events, (await store.FindHistoryAsync("REQ-B"))!.Events);
        Assert.Equal(c, await store.FindAsync("REQ-C"));
        Assert.Equal(3, await store.CountAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await appendChecked([acknowledged], [2]));
        await Assert.ThrowsAsync<ArgumentException>(async () => await appendChecked([acknowledged, acknowledged], [1, 1]));
    }
}
