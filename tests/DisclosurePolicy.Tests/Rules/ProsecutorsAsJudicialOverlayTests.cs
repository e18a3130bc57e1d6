using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class ProsecutorsAsJudicialOverlayTests
{
    private static readonly ProsecutorsAsJudicialOverlay IpOnly = (ProsecutorsAsJudicialOverlay)JurisdictionOverlay.ProsecutorsAsJudicial("de-prosecutors", ["de", "AT"], [DataCategory.IpAddress]);

    private static readonly ProsecutorsAsJudicialOverlay EveryCategory = (ProsecutorsAsJudicialOverlay)JurisdictionOverlay.ProsecutorsAsJudicial("de-prosecutors-all", ["DE"], null);

    [Fact]
    public void Constructor_NormalizesCountriesAndCategories()
    {
        Assert.Equal(["AT", "DE"], IpOnly.Countries);
        Assert.Equal([DataCategory.IpAddress], IpOnly.Categories);
        Assert.Empty(EveryCategory.Categories);
        Assert.Equal("jurisdiction overlay 'de-prosecutors'", IpOnly.Citation);
    }

    [Fact]
    public void ToString_SaysWhatTheOverlayDoes() =>
        Assert.Equal(
            "jurisdiction overlay 'de-prosecutors': Under jurisdiction overlay 'de-prosecutors', a public prosecutor of AT or DE counts as a judicial authority for IpAddress.",
            IpOnly.ToString());

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("countries", () => JurisdictionOverlay.ProsecutorsAsJudicial("x", null!, null));
        ArgumentException unknown = Assert.Throws<ArgumentException>("countries", () => JurisdictionOverlay.ProsecutorsAsJudicial("x", ["DE", "XX", "Germany"], null));
        Assert.Contains("'XX', 'Germany'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("countries", () => JurisdictionOverlay.ProsecutorsAsJudicial("x", [], null));
        Assert.Throws<ArgumentException>("categories", () => JurisdictionOverlay.ProsecutorsAsJudicial("x", ["DE"], [DataCategory.Unspecified]));
        Assert.Throws<ArgumentException>("id", () => JurisdictionOverlay.ProsecutorsAsJudicial(" ", ["DE"], null));
    }

    [Fact]
    public void ApplyTo_V1_SplitsExactlyTheEmergencyAndCourtOrderClauses()
    {
        RuleVersion v1 = IpOnly.ApplyTo(BuiltInRules.V1);

        AssertSplit(BuiltInRules.V1, v1, "8.3-2018/emergency", "8.3-2018/court-order");
        Assert.Equal("V1", v1.Id);
        Assert.Contains("jurisdiction overlay 'de-prosecutors'", v1.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_V2_SplitsExactlyTheEmergencyAndJudicialAuthorityClauses() =>
        AssertSplit(BuiltInRules.V2, IpOnly.ApplyTo(BuiltInRules.V2), "8.3-2024/emergency", "8.3-2024/judicial-authority");

    [Fact]
    public void ApplyTo_V0_ReturnsTheSameVersion() => Assert.Same(BuiltInRules.V0, IpOnly.ApplyTo(BuiltInRules.V0));

    [Fact]
    public void ApplyTo_SplitClause_KeepsWordingAndEffectAndOnlyTheOverlayPartCitesTheOverlay()
    {
        RuleVersion v2 = IpOnly.ApplyTo(BuiltInRules.V2);
        Clause before = BuiltInRules.V2.Clauses.Single(c => c.Id == "8.3-2024/judicial-authority");
        Clause kept = v2.Clauses.Single(c => c.Id == "8.3-2024/judicial-authority");
        Clause added = v2.Clauses.Single(c => c.Id == "8.3-2024/judicial-authority/overlay/de-prosecutors");

        Assert.Same(before.Effect, kept.Effect);
        Assert.Same(before.Effect, added.Effect);
        Assert.Equal(before.Wording, added.Wording);
        Assert.Equal(before.Summary, kept.Summary);
        Assert.Equal(FactLevel.Order, kept.Level);
        Assert.Equal(FactLevel.DataItem, added.Level);
        Assert.Equal(
            before.Summary + " Under jurisdiction overlay 'de-prosecutors', a public prosecutor of AT or DE counts as a judicial authority for IpAddress.",
            added.Summary);
    }

    [Fact]
    public void IsJudicialIssuerTest_RecognizesOnlyTestsAcceptingJudgesButNotProsecutors()
    {
        Assert.True(ProsecutorsAsJudicialOverlay.IsJudicialIssuerTest(Condition.AuthorityIs(IssuingAuthorityKind.Court)));
        Assert.False(ProsecutorsAsJudicialOverlay.IsJudicialIssuerTest(Condition.AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.PublicProsecutor)));
        Assert.False(ProsecutorsAsJudicialOverlay.IsJudicialIssuerTest(Condition.AuthorityIs(IssuingAuthorityKind.IntelligenceService)));
        Assert.False(ProsecutorsAsJudicialOverlay.IsJudicialIssuerTest(Condition.InstrumentIs(InstrumentKind.CourtOrder)));
    }

    [Fact]
    public void Evaluate_V1ProsecutorOfListedCountry_PermitsIpAddressOnlyAndCitesOverlay()
    {
        LegalRequest request = Some.With(Some.V1Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE");
        Assert.Equal(DecisionOutcome.Deny, Engines.BuiltIn().Evaluate(request).Outcome);

        Decision d = Engine(IpOnly).Evaluate(request);

        Assert.Equal(DecisionOutcome.PartiallyPermitted, d.Outcome);
        Assert.Equal(ItemOutcome.Permitted, Item(d, DataCategory.IpAddress));
        Assert.Equal(ItemOutcome.Denied, Item(d, DataCategory.PhoneNumber));
        Reason refused = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.NotACourtOrder);
        Assert.Equal(DataCategory.PhoneNumber, refused.Category);
        Assert.Equal("8.3-2018/court-order/overlay/de-prosecutors", refused.ClauseId);
        Assert.Contains("jurisdiction overlay 'de-prosecutors'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.CourtOrderConfirmsTerrorSuspect && r.Category == DataCategory.IpAddress);
    }

    [Fact]
    public void Evaluate_V2ProsecutorOfListedCountry_PermitsIpAddressOnly()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "AT");

        Decision d = Engine(IpOnly).Evaluate(request);

        Assert.Equal(DecisionOutcome.PartiallyPermitted, d.Outcome);
        Assert.Equal(ItemOutcome.Permitted, Item(d, DataCategory.IpAddress));
        Reason refused = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.IssuerNotJudicialAuthority);
        Assert.Equal(DataCategory.PhoneNumber, refused.Category);
        Assert.Contains("a public prosecutor of AT or DE counts as a judicial authority for IpAddress", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ProsecutorWithoutCategoryLimit_PermitsEveryDisclosableCategory()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE");

        Decision d = Engine(EveryCategory).Evaluate(request);

        Assert.Equal(DecisionOutcome.MayDisclose, d.Outcome);
        Assert.DoesNotContain(d.Reasons, r => r.Code == ReasonCodes.IssuerNotJudicialAuthority);
    }

    [Theory]
    [InlineData("FR")]
    [InlineData("US")]
    public void Evaluate_ProsecutorOfOtherCountry_StillRefused(string country)
    {
        LegalRequest request = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: country);

        Decision d = Engine(IpOnly).Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Reason refused = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.IssuerNotJudicialAuthority);
        Assert.Null(refused.Category);
        Assert.Equal(Engines.BuiltIn().Evaluate(request).Reasons.Select(r => (r.Code, r.ClauseId, r.Category)), d.Reasons.Select(r => (r.Code, r.ClauseId, r.Category)));
    }

    [Fact]
    public void Evaluate_ProsecutorSubpoena_StillNotAnOrder()
    {
        LegalRequest request = Some.With(
            Some.V1Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE", instrument: InstrumentKind.AdministrativeSubpoena);

        Decision d = Engine(IpOnly).Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.NotACourtOrder && r.Category == DataCategory.IpAddress);
    }

    [Theory]
    [InlineData("2020-03-15", "8.3-2018/emergency/overlay/de-prosecutors")]
    [InlineData("2025-02-10", "8.3-2024/emergency/overlay/de-prosecutors")]
    public void Evaluate_ProsecutorEmergencyWithOrder_EmergencyClauseRefusesOnlyUncoveredCategory(string received, string clauseId)
    {
        LegalRequest basis = received.StartsWith("2020", StringComparison.Ordinal) ? Some.V1Permitted() : Some.V2Permitted();
        LegalRequest request = Some.With(basis, authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE", emergency: true);

        Decision d = Engine(IpOnly).Evaluate(request);

        Reason emergency = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.EmergencyNotCovered);
        Assert.Equal(clauseId, emergency.ClauseId);
        Assert.Equal(DataCategory.PhoneNumber, emergency.Category);
        Assert.Contains("jurisdiction overlay 'de-prosecutors'", emergency.Message, StringComparison.Ordinal);
        Assert.Equal(ItemOutcome.Permitted, Item(d, DataCategory.IpAddress));
    }

    [Fact]
    public void Evaluate_PoliceOfListedCountry_ReportedOnceForTheOrderWithoutTheOverlay()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency, jurisdiction: "DE");

        Decision d = Engine(IpOnly).Evaluate(request);

        Reason refused = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.IssuerNotJudicialAuthority);
        Assert.Equal("8.3-2024/judicial-authority", refused.ClauseId);
        Assert.Null(refused.AccountReference);
        Assert.Null(refused.Category);
        Assert.DoesNotContain("overlay", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CourtOfListedCountry_DecidesAsBuiltIn()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), jurisdiction: "DE");

        Decision overlaid = Engine(IpOnly).Evaluate(request);
        Decision builtIn = Engines.BuiltIn().Evaluate(request);

        Assert.Equal(builtIn, overlaid);
    }

    private static DisclosureEngine Engine(JurisdictionOverlay overlay) =>
        new(overlay.ApplyTo(BuiltInRules.Policy), new FakeClock(Engines.DecidedAt));

    private static ItemOutcome Item(Decision d, DataCategory category) => d.Results.Single(r => r.Category == category).Outcome;

    // Every clause other than the split ones is kept as it was; each split one is followed by its overlay part.
    private static void AssertSplit(RuleVersion before, RuleVersion after, params string[] split)
    {
        var expected = new List<string>();
        foreach (Clause clause in before.Clauses)
        {
            expected.Add(clause.Id);
            if (split.Contains(clause.Id))
            {
                expected.Add($"{clause.Id}/overlay/de-prosecutors");
            }
            else
            {
                Assert.Contains(after.Clauses, c => ReferenceEquals(c, clause));
            }
        }

        Assert.Equal(expected, after.Clauses.Select(c => c.Id));
    }
}
