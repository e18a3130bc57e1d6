using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Serialization;

public class RequestEventJsonTests
{
    private static readonly DecisionRecord Record = Recorded.Of(Some.V2Permitted("FR-1"));

    public static TheoryData<string> Kinds => ["Decided", "Acknowledged", "Disclosed", "ClosedWithoutDisclosure"];

    private static RequestEvent Of(string kind) => kind switch
    {
        "Decided" => RequestEvent.Decided(Record),
        "Acknowledged" => RequestEvent.Acknowledged("FR-1", Record.ReceivedAt + Duration.FromHours(1)),
        "Disclosed" => RequestEvent.Disclosed("FR-1", Record.DecidedAt, [new DisclosedItem("user:1001", DataCategory.PhoneNumber), new DisclosedItem("user:1001", DataCategory.IpAddress)]),
        _ => RequestEvent.ClosedWithoutDisclosure("FR-1", Record.DecidedAt, "the authority withdrew the order"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_ThenRead_SameEvent(string kind)
    {
        RequestEvent e = Of(kind);

        ReadResult<RequestEvent> read = RequestEventJson.Read(RequestEventJson.Write(e));

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal(e, read.Value);
        Assert.Equal(e.At, read.Value!.At);
    }

    [Fact]
    public void Read_VersionOneDecisionRecord_ADecidedEvent()
    {
        ReadResult<RequestEvent> read = RequestEventJson.Read(DecisionRecordJson.Write(Record));

        Assert.Equal(RequestEventKind.Decided, read.Value!.Kind);
        Assert.Equal(Record, read.Value.Decision);
    }

    [Fact]
    public void Read_UnknownSchemaKindAndMember_EachReportedWithItsPath()
    {
        Assert.Equal(
            "schema = 'disclosure-record/9': unsupported record schema; this reader reads disclosure-record/1 and disclosure-record/2",
            Assert.Single(RequestEventJson.Read("{\"schema\":\"disclosure-record/9\"}").Problems.Problems).ToString());
        Assert.Contains(
            "event = 'Handed'",
            RequestEventJson.Read("{\"schema\":\"disclosure-record/2\",\"event\":\"Handed\",\"requestId\":\"FR-1\",\"at\":\"2025-02-12T09:30:00Z\"}").Problems.ToString(),
            StringComparison.Ordinal);
        ReadResult<RequestEvent> misspelt = RequestEventJson.Read(
            "{\"schema\":\"disclosure-record/2\",\"event\":\"Disclosed\",\"requestId\":\"FR-1\",\"at\":\"2025-02-12T09:30:00Z\",\"items\":[{\"accountReference\":\"user:1\",\"categry\":\"IpAddress\"}]}");
        Assert.False(misspelt.IsValid);
        Assert.Contains("items[0].categry", misspelt.Problems.ToString(), StringComparison.Ordinal);
    }
}
