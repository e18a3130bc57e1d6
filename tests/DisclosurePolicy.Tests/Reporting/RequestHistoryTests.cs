using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public class RequestHistoryTests
{
    private static readonly Instant Decided = Recorded.Utc(2025, 2, 12);

    // V2 permits the IP address and the phone number of user:1001 and refuses the contacts.
    private static DecisionRecord Permitted() =>
        Recorded.Of(Some.With(Some.V2Permitted("FR-1"), data: [DataCategory.IpAddress, DataCategory.PhoneNumber, DataCategory.Contacts]), Decided);

    private static RequestHistory Start() => RequestHistory.Start(Permitted());

    private static DisclosedItem Ip => new("user:1001", DataCategory.IpAddress);

    private static RequestEventConflictException Refused(RequestHistory history, RequestEvent e) =>
        Assert.Throws<RequestEventConflictException>(() => RequestHistory.Apply(history, e, out _));

    [Fact]
    public void Apply_DisclosureOfPermittedItems_RecordedAndFulfilled()
    {
        RequestHistory history = RequestHistory.Apply(Start(), RequestEvent.Disclosed("FR-1", Decided + Duration.FromDays(2), [Ip]), out RecordOutcome outcome);

        Assert.Equal(RecordOutcome.Recorded, outcome);
        Assert.True(history.IsFulfilled);
        Assert.Equal([Ip], history.DisclosedItems);
        Assert.Equal(["user:1001"], history.AffectedAccounts);
        Assert.Equal(Decided + Duration.FromDays(2), history.FirstDisclosedAt);
    }

    [Fact]
    public void Apply_SameEventTwice_SecondIsANoOp()
    {
        RequestEvent disclosed = RequestEvent.Disclosed("FR-1", Decided + Duration.FromDays(2), [Ip, Ip]);
        RequestHistory once = RequestHistory.Apply(Start(), disclosed, out _);

        RequestHistory twice = RequestHistory.Apply(once, RequestEvent.Disclosed("FR-1", Decided + Duration.FromDays(2), [Ip]), out RecordOutcome outcome);

        Assert.Equal(RecordOutcome.AlreadyRecorded, outcome);
        Assert.Same(once, twice);
    }

    [Fact]
    public void Apply_ItemNotPermittedAndBeforeTheDecision_RefusedNamingEveryProblem()
    {
        RequestEvent e = RequestEvent.Disclosed("FR-1", Decided - Duration.FromHours(1),
            [Ip, new DisclosedItem("user:1001", DataCategory.Contacts), new DisclosedItem("user:9", DataCategory.IpAddress)]);

        RequestEventConflictException ex = Refused(Start(), e);

        Assert.Equal(3, ex.Problems.Count);
        Assert.StartsWith("at = 2025-02-12T11:00:00Z: before the decision (2025-02-12T12:00:00Z)", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("items = 'user:1001:Contacts': not permitted by the decision (Denied)", ex.Problems);
        Assert.Contains("items = 'user:9:IpAddress': the decision names no such item; only permitted items may be disclosed", ex.Problems);
        Assert.StartsWith("The Disclosed event of request 'FR-1' was refused: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DisclosureAfterClosing_Refused()
    {
        RequestHistory closed = RequestHistory.Apply(Start(), RequestEvent.ClosedWithoutDisclosure("FR-1", Decided, "the authority withdrew the order"), out _);

        RequestEventConflictException ex = Refused(closed, RequestEvent.Disclosed("FR-1", Decided + Duration.FromDays(1), [Ip]));

        Assert.Equal("at = 2025-02-13T12:00:00Z: the request was closed without disclosure at 2025-02-12T12:00:00Z", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Apply_ClosingAfterADisclosure_Refused()
    {
        RequestHistory disclosed = RequestHistory.Apply(Start(), RequestEvent.Disclosed("FR-1", Decided, [Ip]), out _);

        RequestEventConflictException ex = Refused(disclosed, RequestEvent.ClosedWithoutDisclosure("FR-1", Decided + Duration.FromDays(1), "done"));

        Assert.Contains("cannot be closed without disclosure", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SecondAcknowledgementAtAnotherInstant_Refused()
    {
        RequestHistory acknowledged = RequestHistory.Apply(Start(), RequestEvent.Acknowledged("FR-1", Decided), out _);

        RequestEventConflictException ex = Refused(acknowledged, RequestEvent.Acknowledged("FR-1", Decided + Duration.FromHours(1)));

        Assert.Equal("at = 2025-02-12T13:00:00Z: the receipt was already acknowledged at 2025-02-12T12:00:00Z", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Apply_AcknowledgementBeforeReceipt_Refused()
    {
        RequestHistory history = Start();

        RequestEventConflictException ex = Refused(history, RequestEvent.Acknowledged("FR-1", history.ReceivedAt - Duration.FromSeconds(1)));

        Assert.Contains("before the request was received", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_EventWithoutADecision_Refused()
    {
        RequestEventConflictException ex = Assert.Throws<RequestEventConflictException>(() => RequestHistory.Apply(null, RequestEvent.Acknowledged("FR-9", Decided), out _));

        Assert.Equal("requestId = 'FR-9': no decision is recorded for this request; record the decision first", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Apply_SecondDifferentDecision_RefusedAsARecordConflict()
    {
        DecisionRecord other = Recorded.Of(Some.With(Some.V2Permitted("FR-1"), valid: false), Decided);

        RecordConflictException ex = Assert.Throws<RecordConflictException>(() => RequestHistory.Apply(Start(), RequestEvent.Decided(other), out _));

        Assert.Contains("outcome", ex.Differences);
    }

    [Fact]
    public void Apply_EmptyDisclosureOrBlankReason_Refused()
    {
        Assert.Equal("items: none given; a disclosure hands over at least one item", Assert.Single(Refused(Start(), RequestEvent.Disclosed("FR-1", Decided, [])).Problems));
        Assert.Contains("for a stated reason", Assert.Single(Refused(Start(), RequestEvent.ClosedWithoutDisclosure("FR-1", Decided, " ")).Problems), StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(HistoryArbitraries)], MaxTest = 100)]
    public bool Append_EveryEventTwice_SameHistoriesAsOnce(HistoryBatch batch)
    {
        var twice = new InMemoryDecisionRecorder();
        bool secondIsNoOp = true;
        foreach (RequestEvent e in batch.Events)
        {
            twice.Append(e);
            secondIsNoOp &= twice.Append(e) == RecordOutcome.AlreadyRecorded;
        }

        return secondIsNoOp
            && twice.Histories().Count == batch.Histories.Count
            && twice.Histories().Zip(batch.Histories).All(p => p.First.Events.SequenceEqual(p.Second.Events));
    }

    [Property(Arbitrary = [typeof(HistoryArbitraries)], MaxTest = 100)]
    public bool Apply_Disclosures_NeverMoreThanTheDecisionPermitted(HistoryBatch batch) =>
        batch.Histories.All(h => h.DisclosedItems.All(item => h.Decision.Decision.Results.Any(r =>
            r.AccountReference == item.AccountReference && r.Category == item.Category && r.Outcome == ItemOutcome.Permitted)));
}
