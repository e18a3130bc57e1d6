using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static DisclosurePolicy.Rules.Condition;

namespace DisclosurePolicy.Tests.Rules;

public class PolicyBuilderTests
{
    [Fact]
    public void Build_BuiltInVersionsDescribedWithTheBuilder_EqualsTheBuiltInPolicy()
    {
        var builder = new PolicyBuilder(BuiltInRules.PolicyId, BuiltInRules.Policy.Title);
        foreach (RuleVersion source in BuiltInRules.Policy.Versions)
        {
            builder.AddVersion(source.Id, v =>
            {
                v.Titled(source.Title)
                    .Until(source.EffectiveUntil)
                    .Citation(source.Citation)
                    .Wording(source.Wording)
                    .Cadence(source.Cadence)
                    .TermsOfService(BuiltInRules.TermsOfService);
                if (source.EffectiveFrom != LocalDate.MinIsoValue)
                {
                    v.EffectiveFrom(source.EffectiveFrom);
                }

                foreach (Clause clause in source.Clauses)
                {
                    v.Clause(clause.Id, c => Effect(c.Citation(clause.Citation).Wording(clause.Wording).Summary(clause.Summary).When(clause.Condition), clause.Effect));
                }
            });
        }

        Policy built = builder.Build();

        Assert.Equal(PolicyJson.Write(BuiltInRules.Policy), PolicyJson.Write(built));
    }

    [Fact]
    public void Build_SeveralProblems_ThrowsOneExceptionListingEach()
    {
        var builder = new PolicyBuilder("acme", "ACME")
            .AddVersion("A1", v => v
                .Titled("First")
                .EffectiveFrom(new LocalDate(2025, 1, 1))
                .Citation("ACME 8.3")
                .Wording("We may disclose your IP address.")
                .Clause("court", c => c.Citation("ACME 8.3").Wording("a court").Summary("Courts only.").Deny("NotACourt"))
                .Clause("disclose", c => c.Wording("we may disclose").Summary("IP address.").When(Always).Permit("Ok", DataCategory.IpAddress)))
            .AddVersion("A2", v => v
                .Titled("Second")
                .EffectiveFrom(new LocalDate(2025, 6, 1))
                .Until(new LocalDate(2025, 5, 1))
                .Citation("ACME 8.3")
                .Wording("We may disclose.")
                .Cadence(ReportingCadence.Quarterly)
                .Clause("disclose", c => c.Citation("ACME 8.3").Wording("w").Summary("s").When(Always)));

        RuleDefinitionException ex = Assert.Throws<RuleDefinitionException>(builder.Build);

        Assert.Equal(
            [
                ("versions[0].cadence", "the reporting cadence is required; accepted: None, SemiAnnual, Quarterly"),
                ("versions[0].clauses[0].when", "the clause needs a condition; a clause that always fires says so ({ \"always\": true } in a file, Condition.Always in code)"),
                ("versions[1].clauses[0].reasonCode", "the clause needs a reason code, reported when it fires"),
                ("versions[1].clauses[0].effect", "the clause needs an effect; accepted: Deny, NotApplicable, Pending, Permit"),
                ("versions[0].clauses[1].citation", "the clause needs a citation"),
                ("versions[1].effectiveUntil", "the period is empty: it ends before it starts (2025-06-01)"),
            ],
            ex.Problems.Select(p => (p.Path, p.Message)));
        Assert.StartsWith("The rule definition has 6 problem(s):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CalledTwice_ReturnsEquivalentPoliciesAndSeesLaterChanges()
    {
        PolicyBuilder builder = PolicyBuilder.From(BuiltInRules.Policy);

        Policy first = builder.Build();
        Policy second = builder.Build();
        builder.RemoveVersion("V0");
        Policy third = builder.Build();

        Assert.NotSame(first, second);
        Assert.Equal(PolicyJson.Write(first), PolicyJson.Write(second));
        Assert.Equal(["V1", "V2"], third.Versions.Select(v => v.Id));
        Assert.Equal(3, first.Versions.Count);
    }

    [Fact]
    public void Build_VariantDerivedFromV2_AppliesOnlyToItsCountry()
    {
        // Germany: prosecutors count as judicial authorities (a host's interpretation, not the default).
        RuleVersionBuilder germany = RuleVersionBuilder.From(BuiltInRules.V2)
            .WithId("V2-DE")
            .Titled("V2 for Germany: prosecutors count as judicial authorities")
            .ForJurisdictions("DE")
            .ReplaceClause("8.3-2024/judicial-authority", c => c
                .Summary("The order must be issued by a court, a judge, an investigating judge or a public prosecutor.")
                .When(Not(All(
                    AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge, IssuingAuthorityKind.PublicProsecutor),
                    InstrumentIs(InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder, InstrumentKind.EuropeanProductionOrder)))));
        Policy policy = PolicyBuilder.From(BuiltInRules.Policy).AddVersion(germany).Build();
        var engine = new DisclosureEngine(policy, new FakeClock(Engines.DecidedAt));
        LegalRequest prosecutor = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, instrument: InstrumentKind.EuropeanProductionOrder);

        Decision german = engine.Evaluate(Some.With(prosecutor, jurisdiction: "DE"));
        Decision french = engine.Evaluate(prosecutor);

        Assert.Equal(("V2-DE", DecisionOutcome.MayDisclose), (german.VersionId, german.Outcome));
        Assert.Equal(("V2", DecisionOutcome.Deny), (french.VersionId, french.Outcome));
        Assert.Contains(french.Reasons, r => r.Code == ReasonCodes.IssuerNotJudicialAuthority);
    }

    [Fact]
    public void Build_ClauseOrVersionNotFound_ReportsItWithTheExistingIds()
    {
        PolicyBuilder builder = PolicyBuilder.From(BuiltInRules.Policy)
            .ConfigureVersion("V3", v => v.Titled("never"))
            .ConfigureVersion("V0", v => v.RemoveClause("8.3-none/missing"));

        RuleDefinitionException ex = Assert.Throws<RuleDefinitionException>(builder.Build);

        Assert.Equal(
            [
                ("versions", "V3", "no version 'V3' to configure; the versions are: V0, V1, V2"),
                ("versions[0].clauses", "8.3-none/missing", "no clause '8.3-none/missing' to remove; the clauses are: 8.3-none/no-clause"),
            ],
            ex.Problems.Select(p => (p.Path, p.Value, p.Message)));
    }

    [Fact]
    public void Build_ClauseInsertedAfterUnconditionalDeny_ReportsItShadowed()
    {
        PolicyBuilder builder = PolicyBuilder.From(BuiltInRules.Policy)
            .ConfigureVersion("V0", v => v.Clause("8.3-none/disclose", c => c
                .Citation("test")
                .Wording("test")
                .Summary("A permit that the clause before it always overrides.")
                .When(Always)
                .Permit("Never", DataCategory.IpAddress)));

        RuleDefinitionException ex = Assert.Throws<RuleDefinitionException>(builder.Build);

        ValidationProblem problem = Assert.Single(ex.Problems);
        Assert.Equal("versions[0].clauses[1]", problem.Path);
        Assert.Equal("the clause is shadowed: clauses[0] '8.3-none/no-clause' denies every item before it, so it can never change an outcome", problem.Message);
    }

    private static ClauseBuilder Effect(ClauseBuilder c, ClauseEffect effect) => effect.Kind switch
    {
        ClauseEffectKind.Deny => c.Deny(effect.ReasonCode),
        ClauseEffectKind.NotApplicable => c.NotApplicable(effect.ReasonCode),
        ClauseEffectKind.Pending => c.Pending(effect.ReasonCode),
        _ => c.Permit(effect.ReasonCode, effect.Categories),
    };
}
