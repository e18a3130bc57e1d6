using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Testing;

public class PolicyAssertTests
{
    private static readonly RuleVersion Planted = KitVersions.V2WithoutCriminalTest;

    [Fact]
    public void IsAtMostAsPermissive_NarrowerVersion_Passes()
    {
        PolicyAssert.IsAtMostAsPermissive(BuiltInRules.V2, Planted);
        PolicyAssert.IsAtMostAsPermissive(BuiltInRules.V1, BuiltInRules.V1, Condition.JurisdictionIs("DE"));
    }

    [Fact]
    public void IsAtMostAsPermissive_PlantedWiderVersion_FailsWithCounterexampleDecisionsAndClauses()
    {
        var error = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.IsAtMostAsPermissive(Planted, BuiltInRules.V2));

        Assert.StartsWith("Expected V2-planted to be at most as permissive as V2, but V2-planted permits what V2 does not.", error.Message);
        Assert.Contains("Counterexample request:\n{", error.Message.ReplaceLineEndings("\n"));
        Assert.Contains("\"receivedOn\":", error.Message);
        Assert.Contains("Decision under V2-planted: MayDisclose", error.Message);
        Assert.Contains("Decision under V2: Deny", error.Message);
        Assert.Contains("Clauses that differ:", error.Message);
        Assert.Contains("V2: NotACriminalCase (clause 8.3-2024/criminal", error.Message);
        Assert.Contains("V2-planted: JudicialOrderConfirmsTosCriminalSuspect (clause 8.3-2024/disclose", error.Message);
        Assert.NotNull(error.Counterexample);
        Assert.NotEqual(ProceedingKind.Criminal, error.Counterexample!.Proceeding);
    }

    [Fact]
    public void IsAtMostAsPermissive_WhereTheDifferenceCannotArise_Passes()
    {
        PolicyAssert.IsAtMostAsPermissive(Planted, BuiltInRules.V2, Condition.ProceedingIs(ProceedingKind.Criminal));
    }

    [Fact]
    public void AreEquivalent_SameVersion_Passes()
    {
        PolicyAssert.AreEquivalent(BuiltInRules.V2, KitVersions.Without(BuiltInRules.V2, "no-such-clause", "V2-copy"));
    }

    [Fact]
    public void AreEquivalent_PlantedDifference_FailsWithBothDecisions()
    {
        var error = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.AreEquivalent(BuiltInRules.V2, Planted, Condition.JurisdictionIs("FR")));

        Assert.StartsWith("Expected V2 and V2-planted to be equivalent where issuing jurisdiction is FR, but they decide this request differently.", error.Message);
        Assert.Contains("\"jurisdiction\": \"FR\"", error.Message);
        Assert.Contains("Decision under V2: Deny", error.Message);
        Assert.Contains("Decision under V2-planted: ", error.Message);
        Assert.Contains("NotACriminalCase (clause 8.3-2024/criminal", error.Message);
    }

    [Fact]
    public void NeverPermits_BuiltInVersions_NeverMessageContent()
    {
        foreach (RuleVersion version in BuiltInRules.Policy.Versions)
        {
            PolicyAssert.NeverPermits(version, Condition.DataCategoryIs(DataCategory.CloudMessageContent, DataCategory.SecretChatContent));
        }
    }

    [Fact]
    public void NeverPermits_CivilCase_HoldsForV2AndNotForV1()
    {
        PolicyAssert.NeverPermits(BuiltInRules.V2, Condition.ProceedingIs(ProceedingKind.Civil));

        // The 2018 wording asks for a court order about a terror suspect and says nothing of the kind of proceeding.
        var error = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NeverPermits(BuiltInRules.V1, Condition.ProceedingIs(ProceedingKind.Civil)));
        Assert.Contains("\"proceeding\": \"Civil\"", error.Message);
    }

    [Fact]
    public void NeverPermits_PlantedCivilPermit_FailsWithRequestAndPermittingClause()
    {
        var error = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.NeverPermits(Planted, Condition.ProceedingIs(ProceedingKind.Civil)));

        Assert.StartsWith("Expected V2-planted never to permit where proceeding is Civil, but it permits this request. Clauses that permit:", error.Message);
        Assert.Contains("  - JudicialOrderConfirmsTosCriminalSuspect (clause 8.3-2024/disclose", error.Message);
        Assert.Contains("\"proceeding\": \"Civil\"", error.Message);
        Assert.Contains("Decision under V2-planted: MayDisclose", error.Message);
    }

    [Fact]
    public void Decides_AsExpected_ReturnsTheDecision()
    {
        LegalRequest request = Some.V2Permitted();

        Decision decision = PolicyAssert.Decides(
            BuiltInRules.V2,
            request,
            new ExpectedDecision(DecisionOutcome.MayDisclose, [new ItemResult(request.Subjects[0].AccountReference, request.RequestedData[0], ItemOutcome.Permitted)], [ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect]));

        Assert.Equal("V2", decision.VersionId);
        PolicyAssert.Decides(Engines.BuiltIn(), request, ExpectedDecision.Of(decision));
    }

    [Fact]
    public void Decides_Unexpected_FailsNamingEveryMismatch()
    {
        LegalRequest request = Some.V2Permitted();
        var expected = new ExpectedDecision(
            DecisionOutcome.Deny,
            [new ItemResult(request.Subjects[0].AccountReference, request.RequestedData[0], ItemOutcome.Denied), new ItemResult("user:404", DataCategory.IpAddress, ItemOutcome.Denied)],
            [ReasonCodes.NotACriminalCase]);

        var error = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.Decides(BuiltInRules.V2, request, expected));

        Assert.StartsWith($"Request {request.Id} under V2 is not decided as expected:", error.Message);
        Assert.Contains("  - outcome: expected Deny, got MayDisclose", error.Message);
        Assert.Contains($"  - item {request.Subjects[0].AccountReference} / {request.RequestedData[0]}: expected Denied, got Permitted", error.Message);
        Assert.Contains("  - item user:404 / IpAddress: expected Denied, but the decision has no such item", error.Message);
        Assert.Contains("  - reason code NotACriminalCase: expected among the reasons, absent (present: JudicialOrderConfirmsTosCriminalSuspect)", error.Message);
        Assert.Contains("Counterexample request:", error.Message);
    }
}
