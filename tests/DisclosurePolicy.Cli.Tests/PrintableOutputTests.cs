using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>A request id or account reference holding a line break, a fake summary line, an ANSI escape or a NUL is shown
/// escaped on every line the program writes itself: it cannot split a line, forge one or steer a terminal (#17, item 12).</summary>
public sealed class PrintableOutputTests : IDisposable
{
    // A line break followed by a line that looks like the program's own summary, then "clear screen" and a NUL.
    private const string HostileId = "X-1\n1 decision(s) recorded\u001b[2J\0";
    private const string EscapedId = "X-1\\n1 decision(s) recorded\\u001B[2J\\u0000";
    private const string HostileAccount = "user:1\u001b]0;pwned\u0007";
    private const string EscapedAccount = "user:1\\u001B]0;pwned\\u0007";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Request()
    {
        string path = _folder.File("hostile.json");
        File.WriteAllText(path, """
            {
              "id": "X-1\n1 decision(s) recorded\u001b[2J\u0000",
              "receivedOn": "2025-02-10",
              "instrument": "CourtOrder",
              "authority": { "kind": "InvestigatingJudge", "name": "Juge d'instruction" },
              "jurisdiction": "FR",
              "proceeding": "Criminal",
              "orderIsValid": true,
              "issuerIsRelevant": true,
              "recipient": "JudicialAuthority",
              "provenance": { "channel": "LawEnforcementPortal", "verification": "VerifiedOutOfBand" },
              "subjects": [ { "accountReference": "user:1\u001b]0;pwned\u0007", "status": "Suspect", "offences": ["DrugTrafficking"] } ],
              "requestedData": ["IpAddress"],
              "legalAnalysis": { "outcome": "Passed", "grounds": "Competent judge." }
            }
            """);
        return path;
    }

    private static void AssertPrintable(string text) =>
        Assert.DoesNotContain(text.Replace(Environment.NewLine, string.Empty, StringComparison.Ordinal), c => char.IsControl(c));

    [Fact]
    public void Record_IdWithLineBreakEscapeAndNul_ConfirmationLineShowsItEscaped()
    {
        string records = _folder.File("records.jsonl");

        CliRun run = CliRun.Fixed(["record", Request(), "--to", records]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [$"recorded: {EscapedId} MayDisclose under V2", $"{records}: 1 decision(s) recorded, 0 already there; 1 record(s) in the file."],
            run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        AssertPrintable(run.Output);
    }

    [Fact]
    public void EventCommands_IdAndAccountWithControlCharacters_ConfirmationLinesShowThemEscaped()
    {
        string records = _folder.File("records.jsonl");
        Assert.Equal(0, CliRun.Fixed(["record", Request(), "--decided-at", "2025-02-11T10:00:00Z", "--to", records]).ExitCode);

        CliRun acknowledged = CliRun.Fixed(["acknowledge", HostileId, "--at", "2025-02-11T09:00:00Z", "--to", records]);
        CliRun disclosed = CliRun.Fixed(["disclose", HostileId, "--at", "2025-02-12", "--to", records]);

        Assert.True(acknowledged.ExitCode == 0, acknowledged.Error);
        Assert.Equal($"recorded: {EscapedId} Acknowledged at 2025-02-11T09:00:00Z{Environment.NewLine}", acknowledged.Output);
        Assert.True(disclosed.ExitCode == 0, disclosed.Error);
        Assert.Equal($"recorded: {EscapedId} Disclosed at 2025-02-12T00:00:00Z: {EscapedAccount}:IpAddress{Environment.NewLine}", disclosed.Output);
    }

    [Fact]
    public void Disclose_ItemWithControlCharacters_ProblemStaysOneEscapedLine()
    {
        string records = _folder.File("records.jsonl");
        Assert.Equal(0, CliRun.Fixed(["record", Request(), "--to", records]).ExitCode);

        CliRun run = CliRun.Fixed(["disclose", HostileId, "--at", "2025-02-12", "--items", HostileAccount + ":Cont\nacts", "--to", records]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"--items: '{EscapedAccount}:Cont\\nacts': 'Cont\\nacts' is not a data category; accepted: "
            + string.Join(", ", Enum.GetNames<Requests.DataCategory>().Where(n => n != "Unspecified")),
            Assert.Single(run.ErrorLines));
        AssertPrintable(run.Error);
    }

    [Fact]
    public void CompareRequest_IdAndAccountWithControlCharacters_ExplanationShowsThemEscaped()
    {
        CliRun run = CliRun.Fixed(["compare", "V1", "V2", "--request", Request()]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Request {EscapedId}: V1 Deny -> V2 MayDisclose{Environment.NewLine}- {EscapedAccount} / IpAddress: Denied -> Permitted", run.Output, StringComparison.Ordinal);
        AssertPrintable(run.Output);
    }

    [Fact]
    public void Run_OptionValueWithControlCharacters_ProblemStaysOneEscapedLine()
    {
        CliRun run = CliRun.Fixed(["evaluate", Request(), "--as-of", "2020-01-01\n3 passed\u001b[0m"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "--as-of: '2020-01-01\\n3 passed\\u001B[0m' is not a calendar date; expected yyyy-MM-dd, such as 2020-06-15",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Run_UnknownCommandWithControlCharacters_ParseErrorShowsItEscaped()
    {
        CliRun run = CliRun.Fixed(["evaluate\u001b[2J"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("evaluate\\u001B[2J", run.Error, StringComparison.Ordinal);
        AssertPrintable(run.Error);
    }
}
