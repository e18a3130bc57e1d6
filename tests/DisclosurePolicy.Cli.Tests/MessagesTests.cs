using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>The hardening issue's messages (#17, item 13) as the command line shows them: plain sentences with ISO dates,
/// never a runtime exception's "(Parameter '...')".</summary>
public sealed class MessagesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Request(string receivedOn)
    {
        string path = _folder.File($"request-{receivedOn}.json");
        File.WriteAllText(path, File.ReadAllText(CliRun.Sample("01-fr-investigating-judge-drugs.json"))
            .Replace("\"receivedOn\": \"2025-02-10\"", $"\"receivedOn\": \"{receivedOn}\"", StringComparison.Ordinal)
            .Replace("\"issuedOn\": \"2025-02-07\",", string.Empty, StringComparison.Ordinal));
        return path;
    }

    [Theory]
    [InlineData("0001-01-01", "the default of an unset date, not a receipt date (it selects the rule version); accepted: 0001-01-02 to 9999-12-31")]
    [InlineData("-9998-01-01", "a year before 1, which yyyy-MM-dd cannot write; accepted: 0001-01-01 to 9999-12-31")]
    [InlineData("0000-06-01", "a year before 1, which yyyy-MM-dd cannot write; accepted: 0001-01-01 to 9999-12-31")]
    public void Record_ReceiptDateOutOfRange_SaysWhatIsWrongWithTheAcceptedDates(string date, string message)
    {
        string request = Request(date);

        CliRun run = CliRun.Fixed(["record", request, "--to", _folder.File("records.jsonl")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{request}: receivedOn = '{date}': {message}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Record_DecidedBeforeTheReceipt_IsAPlainSentence()
    {
        string request = CliRun.Sample("01-fr-investigating-judge-drugs.json");

        CliRun run = CliRun.Fixed(["record", request, "--decided-at", "2020-01-01", "--to", _folder.File("records.jsonl")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{request}: The decision on request 'FR-2025-0142' cannot be recorded: the decision (2020-01-01T00:00:00Z) precedes the receipt of the request (2025-02-10T00:00:00Z).",
            Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("acknowledge", " ", "requestId: the id of the request is required; it is the id its decision was recorded under")]
    [InlineData("close", "FR-1", "--reason: say why the request was closed without disclosure")]
    public void EventCommand_BlankIdOrReason_IsAPlainProblem(string command, string id, string message)
    {
        string records = _folder.File("records.jsonl");
        File.WriteAllText(records, string.Empty);
        string[] args = command == "close"
            ? [command, id, "--at", "2025-02-12", "--reason", " ", "--to", records]
            : [command, id, "--at", "2025-02-12", "--to", records];

        CliRun run = CliRun.Fixed(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("Host=db;Bogus=1", "'bogus' is not a PostgreSQL connection string keyword; common ones: Host, Port, Database, Username, Password")]
    [InlineData("Host=db;Port=abc;Password=secret", "the value of 'port' is not valid for it (for example, Port takes a number)")]
    [InlineData("Host=db;Password=secret;=x", "not a list of Keyword=value pairs separated by semicolons, such as Host=db;Database=records;Username=app")]
    public void Report_UnusableConnectionString_NamesTheKeywordAndNeverAValue(string connection, string message)
    {
        CliRun run = CliRun.Fixed(["report", connection]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"the PostgreSQL connection string: {message}", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_BlankStore_IsAPlainProblem()
    {
        CliRun run = CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", " "]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "the store: is blank; expected a SQLite database file (.db, the embedded default), a JSON Lines file (.jsonl) or a PostgreSQL connection string (Host=...;Database=...)",
            Assert.Single(run.ErrorLines));
    }
}
