using DisclosurePolicy.Requests;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using Xunit;

namespace DisclosurePolicy.Tests.Requests;

/// <summary>The allocation-free check accepts exactly the requests the full walk finds no problem in.</summary>
public class RequestValidatorTests
{
    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 1_000)]
    public void IsValid_GeneratedValidAndInvalidRequests_AgreesWithValidate(ValidRequest valid, InvalidRequest invalid)
    {
        Assert.True(RequestValidator.IsValid(valid.Request, null));
        Assert.True(RequestValidator.Validate(valid.Request, null).IsValid);
        Assert.False(RequestValidator.IsValid(invalid.Request, null));
        Assert.False(RequestValidator.Validate(invalid.Request, null).IsValid);
    }

    [Property(MaxTest = 1_000)]
    public FsCheck.Property IsValid_RequestsOverEveryMemberIncludingUnspecified_AgreesWithValidate() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.From(AuthoringArbitraries.Requests()),
            r => Assert.Equal(RequestValidator.Validate(r, null).IsValid, RequestValidator.IsValid(r, null)));

    // A request cannot be received after the day of the decision: the boundary is that day itself.
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(-1, true)]
    public void IsValid_ReceivedRelativeToTheDayOfTheDecision_AgreesWithValidateAndNamesReceivedOn(int daysAfterDecision, bool valid)
    {
        LegalRequest request = Some.V2Permitted();
        NodaTime.LocalDate decidedOn = request.ReceivedOn.PlusDays(-daysAfterDecision);

        ValidationResult result = RequestValidator.Validate(request, decidedOn);

        Assert.Equal(valid, RequestValidator.IsValid(request, decidedOn));
        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid, request.Validate(decidedOn).IsValid);
        if (!valid)
        {
            ValidationProblem problem = Assert.Single(result.Problems);
            Assert.Equal("receivedOn", problem.Path);
            Assert.Equal("2025-02-10", problem.Value);
            Assert.Equal("the request cannot have been received after the day of the decision (2025-02-09)", problem.Message);
        }
    }

    public static TheoryData<string> EdgeCases() =>
    [
        "null", "blank id", "no subjects", "null subject", "blank account", "duplicate account", "no data", "duplicate data",
        "issued after receipt", "unknown jurisdiction", "lower-case jurisdiction", "preservation instrument asking for disclosure",
        "valid",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void IsValid_EdgeCase_AgreesWithValidate(string edge)
    {
        LegalRequest? request = Edge(edge);

        Assert.Equal(RequestValidator.Validate(request, null).IsValid, RequestValidator.IsValid(request, null));
        Assert.Equal(edge is "valid" or "lower-case jurisdiction", RequestValidator.IsValid(request, null));
    }

    private static LegalRequest? Edge(string edge)
    {
        LegalRequest r = Some.V2Permitted();
        return edge switch
        {
            "null" => null,
            "blank id" => Copy(r, id: " "),
            "no subjects" => Copy(r, subjects: []),
            "null subject" => Copy(r, subjects: [r.Subjects[0], null!]),
            "blank account" => Copy(r, subjects: [new Subject("  ", SubjectStatus.Suspect)]),
            "duplicate account" => Copy(r, subjects: [r.Subjects[0], r.Subjects[0]]),
            "no data" => Copy(r, data: []),
            "duplicate data" => Copy(r, data: [r.RequestedData[0], r.RequestedData[0]]),
            "issued after receipt" => Copy(r, issuedOn: r.ReceivedOn.PlusDays(1)),
            "unknown jurisdiction" => Copy(r, jurisdiction: new Jurisdiction("ZZ")),
            "lower-case jurisdiction" => Copy(r, jurisdiction: new Jurisdiction(" " + r.Jurisdiction.Code.ToLowerInvariant())),
            "preservation instrument asking for disclosure" => Copy(r, instrument: InstrumentKind.PreservationRequest),
            _ => r,
        };
    }

    private static LegalRequest Copy(
        LegalRequest r,
        string? id = null,
        IReadOnlyList<Subject>? subjects = null,
        IReadOnlyList<DataCategory>? data = null,
        NodaTime.LocalDate? issuedOn = null,
        Jurisdiction? jurisdiction = null,
        InstrumentKind? instrument = null) => new()
        {
            Id = id ?? r.Id,
            ReceivedOn = r.ReceivedOn,
            IssuedOn = issuedOn ?? r.IssuedOn,
            Instrument = instrument ?? r.Instrument,
            Authority = r.Authority,
            Jurisdiction = jurisdiction ?? r.Jurisdiction,
            Proceeding = r.Proceeding,
            OrderIsValid = r.OrderIsValid,
            IssuerIsRelevant = r.IssuerIsRelevant,
            Recipient = r.Recipient,
            Provenance = r.Provenance,
            PreservationOnly = r.PreservationOnly,
            EmergencyClaim = r.EmergencyClaim,
            Subjects = subjects ?? r.Subjects,
            RequestedData = data ?? r.RequestedData,
            LegalAnalysis = r.LegalAnalysis,
        };
}
