using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Support;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Testing;

public class RequestGeneratorsTests
{
    private static readonly RequestScope German = RequestScope.Everything
        .WithCountries("DE")
        .WithInstruments(InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.PoliceRequest)
        .WithReceivedBetween(new LocalDate(2024, 1, 1), new LocalDate(2025, 2, 12));

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void AllNearMisses_BuiltInVersion_EachBreaksExactlyOneClause(string versionId)
    {
        RuleVersion version = BuiltInRules.Policy.FindVersion(versionId)!;
        DisclosureEngine engine = Engines.At(Instant.FromUtc(2030, 1, 1, 0, 0));

        IReadOnlyList<NearMiss> misses = RequestGenerators.AllNearMisses(version, RequestScope.Everything);

        Assert.NotEmpty(misses);
        Assert.All(misses, m =>
        {
            Assert.Equal(DecisionOutcome.MayDisclose, engine.Evaluate(m.Permitted, version).Outcome);
            Decision decision = engine.Evaluate(m.Request, version);
            Assert.False(decision.IsPermitted, m.ToString());
            string[] stopping = [.. decision.Reasons.Where(r => r.Effect != ClauseEffectKind.Permit).Select(r => r.ClauseId ?? r.Code).Distinct()];
            Assert.Equal([m.BrokenClauseId], stopping);
            Assert.Equal(1, ChangedFacts(m.Permitted, m.Request));
        });
    }

    [Fact]
    public void AllNearMisses_V2_ReachEveryClauseOneFactCanBreak()
    {
        string[] broken = [.. RequestGenerators.AllNearMisses(BuiltInRules.V2, RequestScope.Everything).Select(m => m.BrokenClauseId).Distinct().Order()];

        // The emergency clause is missing on purpose: it fires only without a valid order, which another clause then also
        // reports, so no single change breaks it alone.
        Assert.Equal(
            [
                "8.3-2024/analysis-failed", "8.3-2024/analysis-pending", "8.3-2024/criminal", "8.3-2024/data",
                "8.3-2024/judicial-authority", "8.3-2024/preservation", "8.3-2024/recipient", "8.3-2024/relevant",
                "8.3-2024/suspect", "8.3-2024/terms-of-service", "8.3-2024/valid",
            ],
            broken);
    }

    [Fact]
    public void NearMisses_VersionThatPermitsNothing_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => RequestGenerators.NearMisses(BuiltInRules.V0));

        Assert.Contains("V0 permits nothing", error.Message);
    }

    [Fact]
    public void Valid_Scoped_EveryRequestIsValidAndInsideTheScope()
    {
        ValidRequest[] sample = [.. RequestGenerators.Valid(German, BuiltInRules.V2).Generator.Sample(300, 30)];

        Assert.All(sample, v => Assert.True(v.Request.Validate().IsValid && German.Contains(v.Request), v.ToString()));
        Assert.Contains(sample, v => Engines.BuiltIn().Evaluate(v.Request, BuiltInRules.V2).IsPermitted);
        Assert.Equal(["CourtOrder", "PoliceRequest", "SearchWarrant"], sample.Select(v => v.Request.Instrument.ToString()).Distinct().Order());
    }

    [Fact]
    public void NearMisses_Scoped_StayInsideTheScope()
    {
        IReadOnlyList<NearMiss> misses = RequestGenerators.AllNearMisses(BuiltInRules.V2, German);

        Assert.NotEmpty(misses);
        Assert.All(misses, m => Assert.True(German.Contains(m.Request) && German.Contains(m.Permitted), m.ToString()));
    }

    [Fact]
    public void Shrink_FailingRequest_EndsAtOneAccountOneCategoryAndShortId()
    {
        // A property "no request asks for a phone number" fails; shrinking as FsCheck does keeps the first smaller request
        // that still fails, until none does.
        static bool Fails(LegalRequest r) => r.RequestedData.Contains(DataCategory.PhoneNumber);
        LegalRequest request = Some.With(
            Some.V2Permitted(),
            subjects: [new Subject("user:1", SubjectStatus.Suspect, OffenceCategory.Terrorism, OffenceCategory.Spam), new Subject("user:2", SubjectStatus.Accused)],
            data: [DataCategory.IpAddress, DataCategory.Contacts, DataCategory.PhoneNumber]);
        Assert.True(Fails(request));

        for (LegalRequest? smaller = request; smaller is not null; smaller = RequestGenerators.Shrink(request, RequestScope.Everything).FirstOrDefault(Fails))
        {
            request = smaller;
        }

        Assert.Equal("r", request.Id);
        Assert.Equal([DataCategory.PhoneNumber], request.RequestedData);
        Assert.Single(request.Subjects);
        Assert.Empty(request.Subjects[0].Offences);
        Assert.True(request.Validate().IsValid);
    }

    [Fact]
    public void RequestScope_UnknownCountry_IsRefusedWithTheCode()
    {
        var error = Assert.Throws<ArgumentException>(() => RequestScope.Everything.WithCountries("DE", "XX"));

        Assert.Contains("'XX'", error.Message);
    }

    private static int ChangedFacts(LegalRequest a, LegalRequest b)
    {
        bool[] differs =
        [
            a.Instrument != b.Instrument, a.Authority != b.Authority, a.Jurisdiction != b.Jurisdiction, a.Proceeding != b.Proceeding,
            a.OrderIsValid != b.OrderIsValid, a.IssuerIsRelevant != b.IssuerIsRelevant, a.Recipient != b.Recipient,
            a.Provenance != b.Provenance, a.EmergencyClaim != b.EmergencyClaim, a.LegalAnalysis.Outcome != b.LegalAnalysis.Outcome,
            !a.Subjects.SequenceEqual(b.Subjects), !a.RequestedData.SequenceEqual(b.RequestedData), a.ReceivedOn != b.ReceivedOn,

            // A preservation instrument asks only for preservation: the flag follows the instrument and is not a change of its own.
            a.PreservationOnly != b.PreservationOnly && a.Instrument == b.Instrument,
        ];
        return differs.Count(d => d);
    }
}
