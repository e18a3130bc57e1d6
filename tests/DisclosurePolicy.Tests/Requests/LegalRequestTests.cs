using DisclosurePolicy.Requests;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Requests;

/// <summary>Validation of requests: every problem is reported with its path, the offending value and why, all at once.</summary>
public class LegalRequestTests
{
    private static readonly RequestFacts Valid = RequestFacts.Of(Some.V2Permitted());

    private static string Accepted<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Skip(1));

    /// <summary>Each problem kind: a valid request with one fact broken, and the problem validation must report.</summary>
    public static TheoryData<string, string, string?, string> Problems() => new()
    {
        { "missing id", "id", null, "the request needs an identifier" },
        { "blank id", "id", "  ", "the request needs an identifier" },
        { "missing receipt date", "receivedOn", "0001-01-01", "the default of an unset date, not a receipt date (it selects the rule version); accepted: 0001-01-02 to 9999-12-31" },
        { "issued after receipt", "issuedOn", "2025-02-11", "an order cannot be issued after it was received (2025-02-10)" },
        { "unspecified instrument", "instrument", null, $"a value is required; accepted: {Accepted<InstrumentKind>()}" },
        { "undefined instrument", "instrument", "99", $"not a known InstrumentKind; accepted: {Accepted<InstrumentKind>()}" },
        { "missing authority", "authority", null, "the issuing authority is required" },
        { "unspecified authority kind", "authority.kind", null, $"a value is required; accepted: {Accepted<IssuingAuthorityKind>()}" },
        { "missing jurisdiction", "jurisdiction", null, "the issuing jurisdiction is required (an ISO 3166-1 alpha-2 code such as DE)" },
        { "unknown jurisdiction", "jurisdiction", "UK", "not an ISO 3166-1 alpha-2 country code" },
        { "unspecified proceeding", "proceeding", null, $"a value is required; accepted: {Accepted<ProceedingKind>()}" },
        { "unspecified recipient", "recipient", null, $"a value is required; accepted: {Accepted<RecipientKind>()}" },
        { "missing provenance", "provenance", null, "how the request arrived and whether its origin was verified is required" },
        { "unspecified channel", "provenance.channel", null, $"a value is required; accepted: {Accepted<RequestChannel>()}" },
        { "unspecified verification", "provenance.verification", null, "a value is required; accepted: VerifiedOutOfBand, Unverified, FailedVerification" },
        { "preservation instrument asking for disclosure", "preservationOnly", "false", "a PreservationRequest asks only for preservation; it cannot ask for disclosure" },
        { "no subject", "subjects", null, "the request must name at least one account" },
        { "null subject", "subjects[1]", null, "the subject is missing" },
        { "blank account", "subjects[0].accountReference", "", "the account reference is required" },
        { "account named twice", "subjects[1].accountReference", "user:1001", "the account is already named by subjects[0]" },
        { "unspecified status", "subjects[0].status", null, $"a value is required; accepted: {Accepted<SubjectStatus>()}" },
        { "unspecified offence", "subjects[0].offences[1]", null, $"a value is required; accepted: {Accepted<OffenceCategory>()}" },
        { "no data category", "requestedData", null, "the request must ask for at least one data category" },
        { "unspecified data category", "requestedData[1]", null, $"a value is required; accepted: {Accepted<DataCategory>()}" },
        { "data category twice", "requestedData[2]", "IpAddress", "listed already at requestedData[0]" },
        { "missing legal analysis", "legalAnalysis", null, "the legal analysis is required (use NotPerformed when none was made)" },
        { "unspecified analysis outcome", "legalAnalysis.outcome", null, "a value is required; accepted: NotPerformed, Passed, Failed" },
    };

    private static RequestFacts Broken(string problem)
    {
        Subject first = Valid.Subjects[0]!;
        return problem switch
        {
            "missing id" => Valid with { Id = null },
            "blank id" => Valid with { Id = "  " },
            "missing receipt date" => Valid with { ReceivedOn = default, IssuedOn = null },
            "issued after receipt" => Valid with { IssuedOn = Valid.ReceivedOn.PlusDays(1) },
            "unspecified instrument" => Valid with { Instrument = InstrumentKind.Unspecified },
            "undefined instrument" => Valid with { Instrument = (InstrumentKind)99 },
            "missing authority" => Valid with { Authority = null },
            "unspecified authority kind" => Valid with { Authority = new IssuingAuthority(IssuingAuthorityKind.Unspecified, "Court") },
            "missing jurisdiction" => Valid with { Jurisdiction = default },
            "unknown jurisdiction" => Valid with { Jurisdiction = new Jurisdiction("uk") },
            "unspecified proceeding" => Valid with { Proceeding = ProceedingKind.Unspecified },
            "unspecified recipient" => Valid with { Recipient = RecipientKind.Unspecified },
            "missing provenance" => Valid with { Provenance = null },
            "unspecified channel" => Valid with { Provenance = new Provenance(RequestChannel.Unspecified, OriginVerification.VerifiedOutOfBand) },
            "unspecified verification" => Valid with { Provenance = new Provenance(RequestChannel.Email, OriginVerification.Unspecified) },
            "preservation instrument asking for disclosure" => Valid with { Instrument = InstrumentKind.PreservationRequest, PreservationOnly = false },
            "no subject" => Valid with { Subjects = [] },
            "null subject" => Valid with { Subjects = [first, null] },
            "blank account" => Valid with { Subjects = [new Subject(string.Empty, SubjectStatus.Suspect, OffenceCategory.Terrorism)] },
            "account named twice" => Valid with { Subjects = [first, new Subject(first.AccountReference, SubjectStatus.Accused)] },
            "unspecified status" => Valid with { Subjects = [new Subject("user:1", SubjectStatus.Unspecified, OffenceCategory.Terrorism)] },
            "unspecified offence" => Valid with { Subjects = [new Subject("user:1", SubjectStatus.Suspect, OffenceCategory.Terrorism, OffenceCategory.Unspecified)] },
            "no data category" => Valid with { RequestedData = [] },
            "unspecified data category" => Valid with { RequestedData = [DataCategory.IpAddress, DataCategory.Unspecified] },
            "data category twice" => Valid with { RequestedData = [DataCategory.IpAddress, DataCategory.PhoneNumber, DataCategory.IpAddress] },
            "missing legal analysis" => Valid with { LegalAnalysis = null },
            "unspecified analysis outcome" => Valid with { LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Unspecified, "n/a") },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such scenario."),
        };
    }

    [Fact]
    public void Validate_ValidRequest_ReportsNoProblem()
    {
        ValidationResult result = Some.V2Permitted().Validate();

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal("valid", result.ToString());
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Validate_OneFactBroken_ReportsThatProblemWithPathValueAndMessage(string problem, string path, string? value, string message)
    {
        ValidationResult result = Broken(problem).ToRequest().Validate();

        Assert.False(result.IsValid);
        ValidationProblem reported = Assert.Single(result.Problems);
        Assert.Equal(path, reported.Path);
        Assert.Equal(value, reported.Value);
        Assert.Equal(message, reported.Message);
    }

    [Fact]
    public void Validate_ManyFactsBroken_ReportsEveryProblemInFieldOrder()
    {
        LegalRequest request = (Valid with
        {
            Id = string.Empty,
            Instrument = InstrumentKind.Unspecified,
            Authority = null,
            Jurisdiction = new Jurisdiction("XX"),
            Recipient = (RecipientKind)42,
            Subjects = [new Subject("@a", SubjectStatus.Unspecified), new Subject("@a", SubjectStatus.Suspect, (OffenceCategory)77)],
            RequestedData = [],
            LegalAnalysis = null,
        }).ToRequest();

        ValidationResult result = request.Validate();

        Assert.Equal(
            [
                ("id", (string?)string.Empty),
                ("instrument", null),
                ("authority", null),
                ("jurisdiction", "XX"),
                ("recipient", "42"),
                ("subjects[0].status", null),
                ("subjects[1].accountReference", "@a"),
                ("subjects[1].offences[0]", "77"),
                ("requestedData", null),
                ("legalAnalysis", null),
            ],
            result.Problems.Select(p => (p.Path, p.Value)));
        Assert.Equal(string.Join(Environment.NewLine, result.Problems), result.ToString());
    }

    [Fact]
    public void Validate_MissingReceiptDate_DoesNotAlsoCompareTheIssueDate()
    {
        LegalRequest request = (Valid with { ReceivedOn = default, IssuedOn = new LocalDate(2025, 1, 1) }).ToRequest();

        Assert.Equal(["receivedOn"], request.Validate().Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_IssuedOnTheDayOfReceipt_IsValid()
    {
        LegalRequest request = (Valid with { IssuedOn = Valid.ReceivedOn }).ToRequest();

        Assert.True(request.Validate().IsValid);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 1_000)]
    public void Validate_InjectedProblems_AreEachReportedAtTheirPath(InvalidRequest invalid)
    {
        IReadOnlyList<ValidationProblem> problems = invalid.Request.Validate().Problems;

        Assert.All(invalid.ExpectedPaths, path => Assert.Contains(problems, p => p.Path == path));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Lists_AreCopiedWhenSet()
    {
        var subjects = new List<Subject> { new("@a", SubjectStatus.Suspect, OffenceCategory.Terrorism) };
        var data = new List<DataCategory> { DataCategory.IpAddress };
        LegalRequest request = (Valid with { Subjects = subjects, RequestedData = data }).ToRequest();

        subjects.Add(new Subject("@b", SubjectStatus.Suspect));
        data.Clear();

        Assert.Single(request.Subjects);
        Assert.Equal([DataCategory.IpAddress], request.RequestedData);
    }

    [Fact]
    public void Equals_SameFacts_AreEqualAndDifferentFactsAreNot()
    {
        LegalRequest a = Some.V2Permitted();
        LegalRequest b = Some.V2Permitted();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Some.With(a, emergency: true));
        Assert.NotEqual(a, Some.With(a, data: [DataCategory.PhoneNumber, DataCategory.IpAddress]));
        Assert.NotEqual(a, Some.With(a, analysis: LegalAnalysisOutcome.Failed));
        Assert.Equal("REQ-2025-001 received 2025-02-10 (CourtOrder, FR)", a.ToString());
    }

    [Fact]
    public void LegalAnalysis_Default_IsNotPerformed()
    {
        var request = new LegalRequest
        {
            Id = "R",
            ReceivedOn = new LocalDate(2025, 1, 1),
            Instrument = InstrumentKind.CourtOrder,
            Authority = new IssuingAuthority(IssuingAuthorityKind.Court, null),
            Jurisdiction = new Jurisdiction("DE"),
            Proceeding = ProceedingKind.Criminal,
            Recipient = RecipientKind.LawEnforcementAuthority,
            Provenance = new Provenance(RequestChannel.Post, OriginVerification.VerifiedOutOfBand),
            Subjects = [new Subject("@a", SubjectStatus.Suspect, OffenceCategory.Terrorism)],
            RequestedData = [DataCategory.IpAddress],
        };

        Assert.Equal(LegalAnalysisOutcome.NotPerformed, request.LegalAnalysis.Outcome);
        Assert.False(request.OrderIsValid);
        Assert.False(request.IssuerIsRelevant);
        Assert.True(request.Validate().IsValid);
    }
}
