using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public partial class BuiltInRulesTests
{
    private static readonly Policy FromJson = PolicyJson.Read(BuiltInRules.Json).Value
        ?? throw new InvalidOperationException("The shipped JSON does not read: " + PolicyJson.Read(BuiltInRules.Json).Problems);

    private static readonly DisclosureEngine CodeEngine = Engines.BuiltIn();
    private static readonly DisclosureEngine JsonEngine = new(FromJson, new FakeClock(Engines.DecidedAt));

    [Fact]
    public void Json_AsShipped_IsTheTextWrittenFromTheCodeDefinitions()
    {
        // Regenerate src/DisclosurePolicy/Rules/telegram-privacy-8.3.json from PolicyJson.Write(BuiltInRules.Policy) when the built-ins change.
        Assert.Equal(PolicyJson.Write(BuiltInRules.Policy), BuiltInRules.Json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_Read_EqualsTheCodeDefinitionsStructurally()
    {
        Assert.Equal(BuiltInRules.Policy.Id, FromJson.Id);
        Assert.Equal(BuiltInRules.Policy.Title, FromJson.Title);
        Assert.Equal(BuiltInRules.Policy.Versions.Count, FromJson.Versions.Count);
        foreach ((RuleVersion code, RuleVersion json) in BuiltInRules.Policy.Versions.Zip(FromJson.Versions))
        {
            Assert.Equal(
                (code.Id, code.Title, code.EffectiveFrom, code.EffectiveUntil, code.Citation, code.Wording, code.Cadence),
                (json.Id, json.Title, json.EffectiveFrom, json.EffectiveUntil, json.Citation, json.Wording, json.Cadence));
            Assert.Equal(code.Jurisdictions, json.Jurisdictions);
            Assert.Equal(code.TermsOfService.Entries, json.TermsOfService.Entries);
            Assert.Equal(code.TermsOfService.Mappings.Select(m => m.ToString()), json.TermsOfService.Mappings.Select(m => m.ToString()));
            Assert.Equal(
                code.Clauses.Select(c => (c.Id, c.Citation, c.Wording, c.Summary, c.Condition.ToString(), c.Effect.ToString(), c.Level)),
                json.Clauses.Select(c => (c.Id, c.Citation, c.Wording, c.Summary, c.Condition.ToString(), c.Effect.ToString(), c.Level)));
        }
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(AuthoringArbitraries)])]
    public void Evaluate_JsonAndCodeBuiltIns_DecideAlike(LegalRequest request)
    {
        Decision code = CodeEngine.Evaluate(request);
        Decision json = JsonEngine.Evaluate(request);

        Assert.Equal(code.Outcome, json.Outcome);
        Assert.Equal(code.VersionId, json.VersionId);
        Assert.Equal(code.Results, json.Results);
        Assert.Equal(
            code.Reasons.Select(r => (r.Code, r.ClauseId, r.Effect, r.AccountReference, r.Category, r.Message)),
            json.Reasons.Select(r => (r.Code, r.ClauseId, r.Effect, r.AccountReference, r.Category, r.Message)));
        Assert.Equal(code.Obligations.Select(o => o.ToString()), json.Obligations.Select(o => o.ToString()));
        Assert.Equal(CodeEngine.Decide(request), JsonEngine.Decide(request));
    }
}
