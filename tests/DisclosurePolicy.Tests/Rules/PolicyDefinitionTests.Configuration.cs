using System.Text;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public partial class PolicyDefinitionTests
{
    [Fact]
    public void Bind_ConfigurationFile_BuildsAPolicyThatDecides()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("Rules/acme-rules.json", optional: false)
            .Build();

        PolicyDefinition? definition = configuration.GetSection("DisclosurePolicy:Rules").Get<PolicyDefinition>();

        Assert.NotNull(definition);
        Assert.True(definition.Validate().IsValid, definition.Validate().ToString());
        var engine = new DisclosureEngine(definition.ToPolicy(), new FakeClock(Engines.DecidedAt));
        LegalRequest fromCourt = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.Court);
        Decision permitted = engine.Evaluate(fromCourt);
        Assert.Equal(DecisionOutcome.PartiallyPermitted, permitted.Outcome);
        Assert.Equal("A1", permitted.VersionId);
        Assert.Equal(
            [ItemOutcome.Permitted, ItemOutcome.Denied],
            permitted.Results.Select(r => r.Outcome));
        Decision russian = engine.Evaluate(Some.With(fromCourt, jurisdiction: "RU"));
        Assert.Equal(DecisionOutcome.Deny, russian.Outcome);
        Assert.Contains(russian.Reasons, r => r.Code == "JurisdictionExcludedByOverlay" && r.ClauseId == "acme/ru");
    }

    [Fact]
    public void Bind_BuiltInJson_GivesTheDefinitionJsonReadingGives()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(BuiltInRules.Json)))
            .Build();

        PolicyDefinition? bound = configuration.Get<PolicyDefinition>();

        Assert.NotNull(bound);
        Assert.Equal(BuiltInRules.Json, PolicyJson.Write(bound));
        Assert.Equal(PolicyJson.Write(BuiltInRules.Policy), PolicyJson.Write(bound.ToPolicy()));
    }

    [Fact]
    public void Bind_MisspeltNames_ValidationReportsThemInsteadOfBindingFailing()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Id"] = "acme",
                ["Title"] = "ACME",
                ["Versions:0:Id"] = "A1",
                ["Versions:0:Title"] = "A1",
                ["Versions:0:EffectiveFrom"] = "2025-13-01",
                ["Versions:0:Citation"] = "ACME 8.3",
                ["Versions:0:Wording"] = "We may disclose.",
                ["Versions:0:Cadence"] = "Quarterly",
                ["Versions:0:Clauses:0:Id"] = "deny",
                ["Versions:0:Clauses:0:Citation"] = "ACME 8.3",
                ["Versions:0:Clauses:0:Wording"] = "court",
                ["Versions:0:Clauses:0:Summary"] = "Courts only.",
                ["Versions:0:Clauses:0:When:Fact"] = "AuthorityKind",
                ["Versions:0:Clauses:0:When:In:0"] = "Courtt",
                ["Versions:0:Clauses:0:Effect"] = "Deny",
                ["Versions:0:Clauses:0:ReasonCode"] = "NotACourt",
            })
            .Build();

        PolicyDefinition definition = configuration.Get<PolicyDefinition>()!;
        ValidationResult result = definition.Validate();

        Assert.Equal(["versions[0].effectiveFrom", "versions[0].clauses[0].when.in[0]"], result.Problems.Select(p => p.Path));
        Assert.Equal(["2025-13-01", "Courtt"], result.Problems.Select(p => p.Value));
    }
}
