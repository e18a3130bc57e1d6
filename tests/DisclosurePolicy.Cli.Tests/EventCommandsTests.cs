using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

public sealed class EventCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public EventCommandsTests() => Records = _folder.File("records.jsonl");

    private string Records { get; }

    public void Dispose() => _folder.Dispose();

    private string GermanTerrorOrder(string id, string account)
    {
        string path = _folder.File(id + ".json");
        File.WriteAllText(path, $$"""
            {
              "id": "{{id}}",
              "receivedOn": "2023-04-03",
              "instrument": "CourtOrder",
              "authority": { "kind": "Court", "name": "Amtsgericht Karlsruhe" },
              "jurisdiction": "DE",
              "proceeding": "Criminal",
              "orderIsValid": true,
              "issuerIsRelevant": true,
              "recipient": "LawEnforcementAuthority",
              "provenance": { "channel": "LawEnforcementPortal", "verification": "VerifiedOutOfBand" },
              "subjects": [ { "accountReference": "{{account}}", "status": "Suspect", "offences": ["Terrorism"] } ],
              "requestedData": ["IpAddress", "PhoneNumber"]
            }
            """);
        return path;
    }

    private static void Ok(params string[] args)
    {
        CliRun run = CliRun.Plain(args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}");
    }

    [Fact]
    public void Run_GermanTerrorOrderDisclosedInApril2023_OnePublishedRowInTheFirstHalfOf2023()
    {
        // Received 2023-04-03, decided 2023-04-05, IP address and phone number disclosed 2023-04-10.
        Ok("record", GermanTerrorOrder("DE-2023-0001", "user:58213377"), "--decided-at", "2023-04-05T10:00:00Z", "--to", Records);
        Ok("acknowledge", "DE-2023-0001", "--at", "2023-04-03T15:00:00Z", "--to", Records);
        Ok("disclose", "DE-2023-0001", "--at", "2023-04-10", "--items", "user:58213377:IpAddress,user:58213377:PhoneNumber", "--to", Records);

        // A second request, permitted and never disclosed, adds nothing to the published figures.
        Ok("record", GermanTerrorOrder("DE-2023-0002", "user:77001122"), "--decided-at", "2023-04-06T10:00:00Z", "--to", Records);

        CliRun csv = CliRun.Plain("report", Records, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(
            "country,period,start,end,fulfilled_requests,affected_users\r\n" +
            "DE,2023-H1,2023-01-01,2023-06-30,1,1\r\n",
            csv.Output);
        CliRun text = CliRun.Plain("report", Records);
        Assert.Contains("DE       2023-H1          1      1         2     2        0              1", text.Output, StringComparison.Ordinal);

        // The DSA Article 15(1)(a) figures of the same orders: acknowledged after 15 hours, given effect after 7 days.
        CliRun dsa = CliRun.Plain("report", Records, "--kind", "dsa", "--format", "csv");
        Assert.Equal(0, dsa.ExitCode);
        Assert.EndsWith("\r\nDE,2023-H1,2023-01-01,2023-06-30,Terrorism,2,1,15,1,168,0,0\r\n", dsa.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Disclose_WithoutItems_HandsOverEveryPermittedItem()
    {
        Ok("record", GermanTerrorOrder("DE-1", "user:1"), "--decided-at", "2023-04-05", "--to", Records);

        CliRun run = CliRun.Plain("disclose", "DE-1", "--at", "2023-04-10T08:00:00Z", "--to", Records);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("recorded: DE-1 Disclosed at 2023-04-10T08:00:00Z: user:1:IpAddress, user:1:PhoneNumber", run.Output.Trim());
        Assert.Equal("already recorded: DE-1 Disclosed at 2023-04-10T08:00:00Z: user:1:IpAddress, user:1:PhoneNumber",
            CliRun.Plain("disclose", "DE-1", "--at", "2023-04-10T08:00:00Z", "--to", Records).Output.Trim());
        Assert.Equal(2, File.ReadAllLines(Records).Length);
    }

    [Fact]
    public void Disclose_ItemNotPermittedAndBeforeTheDecision_OneLineExitTwoFileUnchanged()
    {
        Ok("record", GermanTerrorOrder("DE-1", "user:1"), "--decided-at", "2023-04-05T10:00:00Z", "--to", Records);
        byte[] before = File.ReadAllBytes(Records);

        CliRun run = CliRun.Plain("disclose", "DE-1", "--at", "2023-04-04", "--items", "user:1:Contacts", "--to", Records);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{Records}: The Disclosed event of request 'DE-1' was refused: at = 2023-04-04T00:00:00Z: before the decision", line, StringComparison.Ordinal);
        Assert.Contains("items = 'user:1:Contacts': the decision names no such item", line, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Records));
    }

    [Fact]
    public void Close_ThenDisclose_Refused()
    {
        Ok("record", GermanTerrorOrder("DE-1", "user:1"), "--decided-at", "2023-04-05", "--to", Records);
        Ok("close", "DE-1", "--at", "2023-04-06", "--reason", "the authority withdrew the order", "--to", Records);
        byte[] before = File.ReadAllBytes(Records);

        CliRun run = CliRun.Plain("disclose", "DE-1", "--at", "2023-04-10", "--to", Records);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the request was closed without disclosure at 2023-04-06T00:00:00Z", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Records));
    }

    [Theory]
    [InlineData("--items", "user:1", "--items: 'user:1': '1' is not a data category")]
    [InlineData("--items", "IpAddress", "--items: 'IpAddress' is not ACCOUNT:CATEGORY")]
    [InlineData("--items", "user:1:Ip", "--items: 'user:1:Ip': 'Ip' is not a data category; accepted: IpAddress, PhoneNumber")]
    [InlineData("--at", "10 April", "--at: '10 April' is not an instant such as 2023-04-10T09:30:00Z or a date such as 2023-04-10")]
    public void Disclose_BadInput_OneLineExitTwoFileUnchanged(string option, string value, string expected)
    {
        Ok("record", GermanTerrorOrder("DE-1", "user:1"), "--decided-at", "2023-04-05", "--to", Records);
        byte[] before = File.ReadAllBytes(Records);
        string[] args = option == "--at"
            ? ["disclose", "DE-1", "--at", value, "--to", Records]
            : ["disclose", "DE-1", "--at", "2023-04-10", option, value, "--to", Records];

        CliRun run = CliRun.Plain(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Records));
    }

    [Fact]
    public void Acknowledge_UnknownRequestOrMissingFile_OneLineExitTwo()
    {
        Ok("record", GermanTerrorOrder("DE-1", "user:1"), "--decided-at", "2023-04-05", "--to", Records);

        CliRun unknown = CliRun.Plain("acknowledge", "DE-9", "--at", "2023-04-05", "--to", Records);
        string missing = _folder.File("missing.jsonl");
        CliRun noFile = CliRun.Plain("acknowledge", "DE-1", "--at", "2023-04-05", "--to", missing);

        Assert.Equal(2, unknown.ExitCode);
        Assert.EndsWith("requestId = 'DE-9': no decision is recorded for this request; record the decision first. Nothing was recorded.", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, noFile.ExitCode);
        Assert.StartsWith($"{missing}: no such file", Assert.Single(noFile.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Record_DecidedBeforeTheReceipt_RefusedAndNothingWritten()
    {
        CliRun run = CliRun.Plain("record", GermanTerrorOrder("DE-1", "user:1"), "--decided-at", "2023-04-01", "--to", Records);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(File.ReadAllText(Records));
    }
}
