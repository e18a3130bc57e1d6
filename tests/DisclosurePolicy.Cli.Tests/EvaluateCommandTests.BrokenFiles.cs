using System.Globalization;
using System.Text;
using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

public partial class EvaluateCommandTests
{
    private const string Statuses = "NotStated, Suspect, Accused, Convicted, Victim, Witness, AssociatedAccount, Other";

    private const string Categories = "IpAddress, PhoneNumber, LoginEmail, RecoveryEmail, ProfileData, UsernameHistory, DevicesAndApps, "
        + "ConnectionLogs, Contacts, CloudMessageContent, SecretChatContent, Media, Location, PaymentOrShipping";

    public static TheoryData<string, string[]> BrokenFiles => new()
    {
        { "truncated.json", ["malformed JSON at line 6, position 1: the document ends before every object, array and string in it is closed"] },
        { "trailing-comma.json", ["malformed JSON at line 1, position 45: a trailing comma before '}'; the last member or element takes no comma"] },
        { "empty.json", ["the input is empty; expected a JSON document"] },
        { "whitespace.json", ["the input is empty; expected a JSON document"] },
        { "empty-array.json", ["the array holds no request"] },
        { "scalar.json", ["$ = '42': expected a request object or an array of them, found a number"] },
        {
            "wrong-types.json",
            [
                "id = '4711': expected a string, found a number",
                "receivedOn = '20250210': expected a date string (yyyy-MM-dd), found a number",
                "authority = 'Judge': expected a JSON object, found a string",
                "orderIsValid = 'yes': expected true or false, found a string",
                "subjects: expected an array, found an object",
                $"requestedData[1] = '2': expected one of: {Categories}; found a number",
            ]
        },
        {
            "unknown-values.json",
            [
                "instrument = 'CourtOrdre': not a known InstrumentKind; accepted: CourtOrder, SearchWarrant, CourtProductionOrder, EuropeanProductionOrder, EuropeanPreservationOrder, PreservationRequest, GrandJurySubpoena, AdministrativeSubpoena, CivilSubpoena, PoliceRequest, AdministrativeOrder, NationalSecurityLetter, IntelligenceRequest, EmergencyDisclosureRequest, MlatRequest, CivilCourtOrder, InformalRequest",
                "authority.kind = 'Magistrate': not a known IssuingAuthorityKind; accepted: Court, Judge, InvestigatingJudge, PublicProsecutor, GrandJury, PoliceOrLawEnforcementAgency, IntelligenceService, AdministrativeAuthority, CentralAuthority, PrivateParty",
                "provenance.channel = 'Fax': not a known RequestChannel; accepted: LawEnforcementPortal, DsaContactPoint, Email, Post, CentralAuthority, Other",
                $"subjects[0].status = 'Suspekt': not a known SubjectStatus; accepted: {Statuses}",
                "subjects[0].offences[0] = 'Drugs': not a known OffenceCategory; accepted: Terrorism, ChildSexualAbuse, DrugTrafficking, FirearmsTrafficking, ForgedDocuments, OtherIllegalGoodsOrServices, FraudOrScam, Spam, PublicIncitementToViolence, PublicIllegalPornography, AttacksOnInformationSystems, MoneyLaundering, CopyrightInfringement, Defamation, SpeechOffenceAgainstState, NonViolentExtremism, Other",
                $"requestedData[0] = 'IpAdress': not a known DataCategory; accepted: {Categories}",
                "jurisdicton: unknown field; check its spelling against the documented format",
                "jurisdiction = 'XX': not an ISO 3166-1 alpha-2 country code",
            ]
        },
        {
            "missing-fields.json",
            [
                "receivedOn: required field is missing",
                "authority.kind: required field is missing",
                "proceeding: required field is missing",
                "issuerIsRelevant: required field is missing",
                "provenance.verification: required field is missing",
                "subjects[0].accountReference: required field is missing",
                "requestedData: required field is missing",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Run_BrokenFile_ReportsEveryProblemOnItsOwnLineAndExitsTwo(string file, string[] problems)
    {
        string path = CliRun.Corpus(file);

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([.. problems.Select(p => $"{path}: {p}")], run.ErrorLines);
        Assert.Equal(string.Empty, run.Output);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Run_ImpossibleDates_ReportsEachAndDecidesTheRealDate()
    {
        string path = CliRun.Corpus("impossible-dates.json");

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{path}: [0].receivedOn = '2025-02-30': not a calendar date; expected yyyy-MM-dd, such as 2025-02-10",
                $"{path}: [1].issuedOn = '2025-13-01': not a calendar date; expected yyyy-MM-dd, such as 2025-02-10",
                $"{path}: [2].issuedOn = '2025-03-04': an order cannot be issued after it was received (2025-03-01)",
                $"{path}: 3 of 4 requests have problems and were not decided; the other 1 were.",
            ],
            run.ErrorLines);
        Assert.StartsWith("Request DATE-OK: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
        Assert.Contains("received 2024-02-29", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MixedArray_DecidesTheGoodOnesAndReportsTheBadOnes()
    {
        string path = CliRun.Corpus("mixed.json");

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{path}: [1] = 'not a request': expected a JSON object, found a string",
                $"{path}: [2].requestedData: the request must ask for at least one data category",
                $"{path}: 2 of 4 requests have problems and were not decided; the other 2 were.",
            ],
            run.ErrorLines);
        Assert.Contains("Request MIX-GOOD-1: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request MIX-GOOD-3: DENY", run.Output, StringComparison.Ordinal);
        Assert.Contains("NoDisclosureClauseInForce", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MIX-BAD-2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ArrayOfManyEmptyObjects_ListsTheFirstThousandProblemsThenCountsEveryRequest()
    {
        using var folder = new TempFolder();
        string path = folder.File("empties.json");
        File.WriteAllText(path, "[" + string.Join(",", Enumerable.Repeat("{}", 500)) + "]");

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(1002, run.ErrorLines.Length);
        Assert.Equal($"{path}: [0].id: required field is missing", run.ErrorLines[0]);
        Assert.Equal($"{path}: more than 1000 problems; the rest are counted but not listed.", run.ErrorLines[1000]);
        Assert.Equal($"{path}: 500 of 500 requests have problems and were not decided; the other 0 were.", run.ErrorLines[1001]);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Run_BinaryGarbage_ExitsTwoWithOneLineAndNoStackTrace()
    {
        using var folder = new TempFolder();
        string path = folder.File("garbage.bin");
        byte[] garbage = new byte[4096];
        new Random(20260823).NextBytes(garbage);
        File.WriteAllBytes(path, garbage);

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{path}: is ", line, StringComparison.Ordinal);
        Assert.EndsWith("; expected a JSON document", line, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x00, 0x7D }, "is binary, not text (a NUL byte at offset 1); expected a JSON document")]
    [InlineData(new byte[] { 0x7B, 0x20, 0xC3, 0x28, 0x7D }, "is not UTF-8 text (invalid byte 0xC3 at offset 2); expected a JSON document")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, "is binary, not text (a NUL byte at offset 3); expected a JSON document")]
    public void Run_NotUtf8Text_NamesTheOffendingByte(byte[] content, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.File("not-text.json");
        File.WriteAllBytes(path, content);

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{path}: {problem}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Run_Utf8ByteOrderMark_IsAccepted()
    {
        using var folder = new TempFolder();
        string path = folder.File("bom.json");
        File.WriteAllText(path, File.ReadAllText(CliRun.Sample("01-fr-investigating-judge-drugs.json")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request FR-2025-0142: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VeryLargeFileWithAFewBadRequests_DecidesAllTheOthersAndReportsEachBadOne()
    {
        const int Count = 5000;
        string template = File.ReadAllText(CliRun.Sample("01-fr-investigating-judge-drugs.json"));
        var broken = new SortedDictionary<int, (string From, string To, string Problem)>
        {
            [17] = ("\"2025-02-10\"", "\"2025-02-29\"", "[17].receivedOn = '2025-02-29': not a calendar date; expected yyyy-MM-dd, such as 2025-02-10"),
            [1234] = ("\"Suspect\"", "\"Suspekt\"", $"[1234].subjects[0].status = 'Suspekt': not a known SubjectStatus; accepted: {Statuses}"),
            [2500] = ("\"jurisdiction\": \"FR\"", "\"jurisdiction\": 33", "[2500].jurisdiction = '33': expected a string, found a number"),
            [4999] = ("\"orderIsValid\": true,", string.Empty, "[4999].orderIsValid: required field is missing"),
        };
        var json = new StringBuilder("[\n");
        for (int i = 0; i < Count; i++)
        {
            string request = template.Replace("FR-2025-0142", string.Create(CultureInfo.InvariantCulture, $"BULK-{i:D5}"), StringComparison.Ordinal);
            if (broken.TryGetValue(i, out var damage))
            {
                request = request.Replace(damage.From, damage.To, StringComparison.Ordinal);
            }

            json.Append(request).Append(i < Count - 1 ? ",\n" : "\n");
        }

        json.Append(']');
        using var folder = new TempFolder();
        string path = folder.File("bulk.json");
        File.WriteAllText(path, json.ToString());

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [.. broken.Values.Select(d => $"{path}: {d.Problem}"), $"{path}: 4 of 5000 requests have problems and were not decided; the other 4996 were."],
            run.ErrorLines);
        Assert.Equal(Count - broken.Count, run.Output.Split(": MAY DISCLOSE every requested item").Length - 1);
        Assert.Contains("Request BULK-00000: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request BULK-04998: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request BULK-01234:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request BULK-04999:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HostileValuesInAnArray_ReportsEachAtItsPathAndDecidesTheGoodOnes()
    {
        string template = File.ReadAllText(CliRun.Sample("01-fr-investigating-judge-drugs.json"));
        string Request(string id, string from = "\"jurisdiction\"", string to = "\"jurisdiction\"") =>
            template.Replace("FR-2025-0142", id, StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal);
        using var folder = new TempFolder();
        string path = folder.File("hostile.json");
        File.WriteAllText(path, "[" + string.Join(",\n",
            Request("GOOD-1"),
            Request("SURROGATE", "\"InvestigatingJudge\"", "\"Investigating\\ud800Judge\""),
            Request("DUPLICATE", "\"orderIsValid\": true", "\"orderIsValid\": false, \"orderIsValid\": true"),
            Request("FLAGS", "\"InvestigatingJudge\"", "\"Court, Judge\""),
            Request("GOOD-2")) + "]");

        CliRun run = CliRun.Plain("evaluate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{path}: [1].authority.kind = '\"Investigating\\ud800Judge\"': expected one of: Court, Judge, InvestigatingJudge, PublicProsecutor, GrandJury, PoliceOrLawEnforcementAgency, IntelligenceService, AdministrativeAuthority, CentralAuthority, PrivateParty; found text that is not valid Unicode text: it holds a lone surrogate escape such as \\ud800",
                $"{path}: [2].orderIsValid = 'true': duplicate field: each field may appear only once",
                $"{path}: [3].authority.kind = 'Court, Judge': not a known IssuingAuthorityKind; accepted: Court, Judge, InvestigatingJudge, PublicProsecutor, GrandJury, PoliceOrLawEnforcementAgency, IntelligenceService, AdministrativeAuthority, CentralAuthority, PrivateParty",
                $"{path}: 3 of 5 requests have problems and were not decided; the other 2 were.",
            ],
            run.ErrorLines);
        Assert.Contains("Request GOOD-1: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
        Assert.Contains("Request GOOD-2: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }
}
