using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Issues;

/// <summary>The legal-fidelity corrections: a request received after the day of the decision, and EU membership judged
/// on the receipt date. (Scope before merits and the Terms-of-Service mapping are tested with the built-in rules.)</summary>
public class LegalFidelityIssueTests
{
    // The engine's day: 2025-02-12 in UTC. In Pacific/Auckland (UTC+13 then) it is already 2025-02-12 too at 09:30 UTC,
    // while at 23:30 UTC on 2025-02-11 it is 2025-02-11 in UTC and 2025-02-12 in Auckland.
    [Theory]
    [InlineData(2025, 2, 12, true)]
    [InlineData(2025, 2, 13, false)]
    public void Evaluate_ReceivedRelativeToTheDayOfTheDecision_DecidesOnlyUpToThatDay(int year, int month, int day, bool decided)
    {
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(year, month, day));
        DisclosureEngine engine = Engines.BuiltIn();

        Decision decision = engine.Evaluate(request);

        Assert.Equal(decided ? DecisionOutcome.MayDisclose : DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(decision.Outcome, engine.Decide(request));
        if (!decided)
        {
            Reason reason = Assert.Single(decision.Reasons);
            Assert.Equal(ReasonCodes.InsufficientInformation, reason.Code);
            Assert.Equal("receivedOn", Assert.Single(reason.Facts).Name);
            Assert.Contains("receivedOn: the request cannot have been received after the day of the decision (2025-02-12)", decision.Explain(), StringComparison.Ordinal);
            Assert.Empty(decision.Obligations);
        }
    }

    [Fact]
    public void Evaluate_ReceivedOnTheEnginesDayInItsZone_IsDecidedThoughLaterThanTheUtcDay()
    {
        Instant lateEvening = Instant.FromUtc(2025, 2, 11, 23, 30);
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2025, 2, 12));

        DisclosureEngine utc = Engines.At(lateEvening);
        DisclosureEngine auckland = Engines.At(lateEvening, DateTimeZoneProviders.Tzdb["Pacific/Auckland"]);

        Assert.Equal(new LocalDate(2025, 2, 11), utc.Today);
        Assert.Equal(new LocalDate(2025, 2, 12), auckland.Today);
        Assert.Equal(DecisionOutcome.Deny, utc.Evaluate(request).Outcome);
        Assert.Equal(DecisionOutcome.MayDisclose, auckland.Evaluate(request).Outcome);
    }

    // EU membership is judged on the receipt date, with the dates kept as data beside the codes.
    [Theory]
    [InlineData("GB", 2020, 1, 31, true)]
    [InlineData("GB", 2020, 2, 1, false)]
    [InlineData("GB", 1972, 12, 31, false)]
    [InlineData("GB", 1973, 1, 1, true)]
    [InlineData("HR", 2013, 6, 30, false)]
    [InlineData("HR", 2013, 7, 1, true)]
    [InlineData("PL", 2004, 5, 1, true)]
    [InlineData("FR", 1958, 1, 1, true)]
    [InlineData("FR", 1957, 12, 31, false)]
    [InlineData("CH", 2020, 1, 1, false)]
    public void IsEuMemberStateOn_MembershipBoundaries_AreInclusive(string code, int year, int month, int day, bool member)
    {
        Assert.Equal(member, new Jurisdiction(code).IsEuMemberStateOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void IsEuMemberState_Today_IsTheTwentySevenWithoutTheUnitedKingdom()
    {
        Assert.False(new Jurisdiction("GB").IsEuMemberState);
        Assert.True(new Jurisdiction("HR").IsEuMemberState);
        Assert.Equal(27, Internal.CountryCodes.All.Count(code => new Jurisdiction(code).IsEuMemberState));
    }

    [Theory]
    [InlineData(2020, 1, 31, DecisionOutcome.MayDisclose)]
    [InlineData(2020, 2, 1, DecisionOutcome.Deny)]
    public void Evaluate_ClauseOnEuMembership_JudgesTheUnitedKingdomOnTheReceiptDate(int year, int month, int day, DecisionOutcome expected)
    {
        RuleVersion v1 = BuiltInRules.V1;
        var euOnly = new RuleVersion(
            "V1-eu", v1.Title, v1.EffectiveFrom, v1.EffectiveUntil, v1.Citation, v1.Wording, v1.Cadence, v1.TermsOfService,
            [new Clause("eu/outside", "Host", "EU only", "Orders from outside the EU are refused.", Condition.Not(Condition.IsTrue(Fact.EuMemberState)), ClauseEffect.Deny("OutsideEu")), .. v1.Clauses],
            null);
        LegalRequest request = Some.With(Some.V1Permitted(), jurisdiction: "GB", receivedOn: new LocalDate(year, month, day));

        Decision decision = Engines.BuiltIn().Evaluate(request, euOnly);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected, Engines.BuiltIn().Decide(request, euOnly));
        if (expected == DecisionOutcome.Deny)
        {
            Reason reason = Assert.Single(decision.Reasons);
            Assert.Equal("OutsideEu", reason.Code);
            Assert.Contains(reason.Facts, f => f.Value == "no");
        }
    }
}
