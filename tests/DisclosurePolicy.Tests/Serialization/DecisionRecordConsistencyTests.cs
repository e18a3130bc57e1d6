using System.Text.Json.Nodes;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Serialization;

/// <summary>A well-formed record that says what no decision says is reported at its path, never read as a record.</summary>
public class DecisionRecordConsistencyTests
{
    [Fact]
    public void Read_DecidedBeforeReceived_ReportsDecidedAt()
    {
        JsonObject record = Permitted();
        record["decidedAt"] = "2020-01-01T00:00:00Z";

        ValidationProblem problem = Assert.Single(Read(record));

        Assert.Equal("decidedAt", problem.Path);
        Assert.Equal("2020-01-01T00:00:00Z", problem.Value);
        Assert.StartsWith("the decision precedes the receipt of the request (", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MayDiscloseWithEveryResultDenied_ReportsTheOutcome()
    {
        JsonObject record = Permitted();
        foreach (JsonNode? result in record["results"]!.AsArray())
        {
            result!["outcome"] = "Denied";
        }

        ValidationProblem problem = Assert.Single(Read(record));

        Assert.Equal("outcome = 'MayDisclose': the item results combine to Deny", problem.ToString());
    }

    [Fact]
    public void Read_ResultForAnAccountTheRequestDoesNotName_ReportsTheResult()
    {
        JsonObject record = Permitted();
        record["results"]![0]!["accountReference"] = "someone-else";

        ValidationProblem problem = Assert.Single(Read(record));

        Assert.Equal("results[0].accountReference = 'someone-else': the request names no such account", problem.ToString());
    }

    [Fact]
    public void Read_PermittedUnderAJurisdictionThatIsNoCountry_ReportsTheJurisdiction()
    {
        JsonObject record = Permitted();
        record["jurisdiction"] = "ZZ";
        record["request"]!["jurisdiction"] = "ZZ";

        ValidationProblem problem = Assert.Single(Read(record));

        Assert.Equal("jurisdiction", problem.Path);
        Assert.Equal("an item is permitted, but the jurisdiction is not an ISO 3166-1 alpha-2 code", problem.Message);
    }

    [Fact]
    public void Read_UntamperedRecord_ReadsWithoutProblem()
    {
        Assert.Empty(Read(Permitted()));
    }

    private static JsonObject Permitted() =>
        JsonNode.Parse(DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted())))!.AsObject();

    private static IReadOnlyList<ValidationProblem> Read(JsonObject record)
    {
        ReadResult<DecisionRecord> read = DecisionRecordJson.Read(record.ToJsonString());
        Assert.Equal(read.Problems.IsValid, read.Value is not null);
        return read.Problems.Problems;
    }
}
