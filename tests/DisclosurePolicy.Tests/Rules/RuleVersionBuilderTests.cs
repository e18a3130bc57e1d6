using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;
using Xunit;
using static DisclosurePolicy.Rules.Condition;

namespace DisclosurePolicy.Tests.Rules;

public class RuleVersionBuilderTests
{
    [Fact]
    public void From_BuiltInVersion_BuildsAnEquivalentVersion()
    {
        RuleVersion copy = RuleVersionBuilder.From(BuiltInRules.V1).Build();

        Assert.NotSame(BuiltInRules.V1, copy);
        Assert.Equal(Write(BuiltInRules.V1), Write(copy));
    }

    [Fact]
    public void ClauseBefore_ExistingClause_InsertsThereSoItsReasonComesFirst()
    {
        RuleVersion version = RuleVersionBuilder.From(BuiltInRules.V2)
            .ClauseBefore("8.3-2024/recipient", "8.3-2024/intelligence", c => c
                .Citation("Host practice")
                .Wording("(intelligence services are never answered)")
                .Summary("Requests of intelligence services are refused.")
                .When(AuthorityIs(IssuingAuthorityKind.IntelligenceService))
                .Deny("IntelligenceRequestRefused"))
            .Build();

        int inserted = version.Clauses.ToList().FindIndex(c => c.Id == "8.3-2024/intelligence");
        Assert.Equal(version.Clauses.ToList().FindIndex(c => c.Id == "8.3-2024/recipient") - 1, inserted);
        Assert.Equal(BuiltInRules.V2.Clauses.Count + 1, version.Clauses.Count);
    }

    [Fact]
    public void Build_InvalidVersion_ReportsPathsRelativeToTheVersion()
    {
        var builder = new RuleVersionBuilder("X1")
            .Titled("Broken")
            .EffectiveFrom(new LocalDate(2025, 1, 1))
            .Wording("w")
            .Cadence(ReportingCadence.None)
            .ForJurisdictions("ZZ")
            .Clause("permit", c => c.Citation("c").Wording("w").Summary("s").When(Always).Permit("Ok"));

        RuleDefinitionException ex = Assert.Throws<RuleDefinitionException>(builder.Build);

        Assert.Equal(
            [
                ("clauses[0].categories", "a permit needs at least one data category; accepted: " + string.Join(", ", Enum.GetNames<DataCategory>().Skip(1))),
                ("citation", "the version needs a citation of its source"),
                ("jurisdictions[0]", "not an ISO 3166-1 alpha-2 country code"),
            ],
            ex.Problems.Select(p => (p.Path, p.Message)));
    }

    private static string Write(RuleVersion version) =>
        PolicyJson.Write(new PolicyDefinition { Id = "p", Title = "p", Versions = [RuleVersionDefinition.From(version)] });
}
