using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class AuthorityExclusionOverlayTests
{
    private static readonly AuthorityExclusionOverlay RuIntelligence = (AuthorityExclusionOverlay)JurisdictionOverlay.AuthorityExclusion("ru-intelligence", ["RU"], [IssuingAuthorityKind.IntelligenceService]);

    [Fact]
    public void Clause_DeniesWithOverlayCodeAndCitesOverlay()
    {
        Clause clause = RuIntelligence.Clause;

        Assert.Equal("overlay/ru-intelligence/excluded", clause.Id);
        Assert.Equal("jurisdiction overlay 'ru-intelligence'", clause.Citation);
        Assert.Equal(ClauseEffectKind.Deny, clause.Effect.Kind);
        Assert.Equal(ReasonCodes.JurisdictionExcludedByOverlay, clause.Effect.ReasonCode);
        Assert.Equal("Under jurisdiction overlay 'ru-intelligence', requests from IntelligenceService of RU are refused, whatever the order says.", clause.Summary);
        Assert.Equal(FactLevel.Order, clause.Level);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void ApplyTo_VersionWithPreservationFirst_InsertsBeforePreservation(string versionId)
    {
        RuleVersion version = BuiltInRules.Policy.FindVersion(versionId)!;

        RuleVersion overlaid = RuIntelligence.ApplyTo(version);

        Assert.Same(RuIntelligence.Clause, overlaid.Clauses[0]);
        Assert.Equal(ReasonCodes.PreservationNotCovered, overlaid.Clauses[1].Effect.ReasonCode);
        Assert.Equal(version.Clauses, overlaid.Clauses.Skip(1));
    }

    [Fact]
    public void ApplyTo_V0_LeftAsItIsSinceItDeniesEverything() => Assert.Same(BuiltInRules.V0, RuIntelligence.ApplyTo(BuiltInRules.V0));

    [Fact]
    public void ApplyTo_ConditionalNoClauseDenial_InsertsAfterIt()
    {
        var noClauseForSome = new Clause(
            "none/eu", "Host rules", "(none)", "No clause for EU requests.", Condition.IsTrue(Fact.EuMemberState), ClauseEffect.Deny(ReasonCodes.NoDisclosureClauseInForce));
        RuleVersion v2 = BuiltInRules.V2;
        var version = new RuleVersion(v2.Id, v2.Title, v2.EffectiveFrom, v2.EffectiveUntil, v2.Citation, v2.Wording, v2.Cadence, v2.TermsOfService, [noClauseForSome, .. v2.Clauses], null);

        RuleVersion overlaid = RuIntelligence.ApplyTo(version);

        Assert.Equal(["none/eu", "overlay/ru-intelligence/excluded", "8.3-2024/preservation"], overlaid.Clauses.Take(3).Select(c => c.Id));
    }

    [Fact]
    public void Evaluate_V0RequestFromExcludedAuthority_DeniedForNoClauseAlone()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: new NodaTime.LocalDate(2017, 5, 1), jurisdiction: "RU", authority: IssuingAuthorityKind.IntelligenceService);

        Decision d = Engine(RuIntelligence).Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Assert.Equal([ReasonCodes.NoDisclosureClauseInForce], d.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void ApplyTo_TwoExclusions_KeepTheirOrderBeforeEverythingElse()
    {
        var everyone = (AuthorityExclusionOverlay)JurisdictionOverlay.AuthorityExclusion("kp", ["KP"], null);

        RuleVersion overlaid = everyone.ApplyTo(RuIntelligence.ApplyTo(BuiltInRules.V2));

        Assert.Equal(["overlay/ru-intelligence/excluded", "overlay/kp/excluded", "8.3-2024/preservation"], overlaid.Clauses.Take(3).Select(c => c.Id));
    }

    [Fact]
    public void Evaluate_ExcludedAuthority_DeniesWithOverlayReasonFirstAndStillReportsTheRest()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), jurisdiction: "RU", authority: IssuingAuthorityKind.IntelligenceService);

        Decision d = Engine(RuIntelligence).Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Reason first = d.Reasons[0];
        Assert.Equal(ReasonCodes.JurisdictionExcludedByOverlay, first.Code);
        Assert.Equal("overlay/ru-intelligence/excluded", first.ClauseId);
        Assert.Equal("jurisdiction overlay 'ru-intelligence'", first.Citation);
        Assert.Null(first.AccountReference);
        Assert.Contains("jurisdiction overlay 'ru-intelligence'", first.Message, StringComparison.Ordinal);
        Assert.Contains("issuing authority = IntelligenceService", first.Message, StringComparison.Ordinal);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.IssuerNotJudicialAuthority);
    }

    [Fact]
    public void Evaluate_ExcludedAndPreservationOnly_DeniesAndReportsExclusionBeforePreservation()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), jurisdiction: "RU", authority: IssuingAuthorityKind.IntelligenceService, preservationOnly: true);

        Decision d = Engine(RuIntelligence).Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Assert.Equal([ReasonCodes.JurisdictionExcludedByOverlay, ReasonCodes.PreservationNotCovered], d.Reasons.Take(2).Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_OtherAuthorityOfExcludedCountry_DecidesAsBuiltIn()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), jurisdiction: "RU");

        Decision d = Engine(RuIntelligence).Evaluate(request);

        Assert.Equal(DecisionOutcome.MayDisclose, d.Outcome);
        Assert.Equal(Engines.BuiltIn().Evaluate(request).Reasons, d.Reasons);
    }

    [Fact]
    public void Evaluate_ExcludedKindFromOtherCountry_NotExcluded()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), jurisdiction: "FR", authority: IssuingAuthorityKind.IntelligenceService);

        Decision d = Engine(RuIntelligence).Evaluate(request);

        Assert.DoesNotContain(d.Reasons, r => r.Code == ReasonCodes.JurisdictionExcludedByOverlay);
    }

    [Fact]
    public void Evaluate_NoAuthorityKinds_ExcludesEveryRequestFromTheCountry()
    {
        var overlay = (AuthorityExclusionOverlay)JurisdictionOverlay.AuthorityExclusion("ru", ["RU"], []);
        LegalRequest request = Some.With(Some.V1Permitted(), jurisdiction: "RU");

        Decision d = Engine(overlay).Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Reason reason = Assert.Single(d.Reasons);
        Assert.Equal(ReasonCodes.JurisdictionExcludedByOverlay, reason.Code);
        Assert.Contains("requests from every authority of RU are refused", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SaysWhatTheOverlayDoes() =>
        Assert.Equal("Under jurisdiction overlay 'ru-intelligence', requests from IntelligenceService of RU are refused, whatever the order says.", RuIntelligence.ToString());

    [Fact]
    public void Constructor_UnspecifiedKind_Throws() =>
        Assert.Throws<ArgumentException>("authorities", () => JurisdictionOverlay.AuthorityExclusion("x", ["RU"], [IssuingAuthorityKind.Unspecified]));

    private static DisclosureEngine Engine(JurisdictionOverlay overlay) =>
        new(overlay.ApplyTo(BuiltInRules.Policy), new FakeClock(Engines.DecidedAt));
}
