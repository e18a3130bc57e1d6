using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>V0: before 2018-08-14 there was no disclosure clause, so nothing is ever permitted.</summary>
public partial class BuiltInRulesTests
{
    [Fact]
    public void V0_RequestV2WouldPermit_IsDeniedWithNoDisclosureClauseInForce()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2018, 8, 13));

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal("V0", decision.VersionId);
        Assert.Equal("Privacy Policy (before 2018-08-14)", decision.VersionCitation);
        DecisionAssert.AllItems(decision, ItemOutcome.Denied);
        Reason reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCodes.NoDisclosureClauseInForce, reason.Code);
        Assert.Equal("8.3-none/no-clause", reason.ClauseId);
        Assert.Null(reason.AccountReference);
        Assert.Null(reason.Category);
        Assert.Empty(reason.Facts);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void V0_Explain_SaysNoClauseWasInForceAndNothingMayBeDisclosed()
    {
        Decision decision = Engine.Evaluate(Some.V1Permitted(), "V0");

        string text = decision.Explain();

        Assert.Contains("DENY: nothing may be disclosed", text, StringComparison.Ordinal);
        Assert.Contains("Rule version: V0 (Privacy Policy (before 2018-08-14))", text, StringComparison.Ordinal);
        Assert.Contains("NoDisclosureClauseInForce [denies; whole request]", text, StringComparison.Ordinal);
        Assert.Contains("Before 2018-08-14 the policy had no clause allowing disclosure to authorities", text, StringComparison.Ordinal);
        Assert.Contains("(no disclosure clause)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void V0_PreservationOnlyRequest_IsDeniedNotMerelyNotApplicable()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2016, 5, 1), preservationOnly: true);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal([ReasonCodes.NoDisclosureClauseInForce], DecisionAssert.Codes(decision));
    }
}
