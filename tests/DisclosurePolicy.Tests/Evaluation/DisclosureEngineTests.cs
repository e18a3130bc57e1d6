using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>The engine's entry points: version selection by date, by name and by version, and its constructor.</summary>
public partial class DisclosureEngineTests
{
    [Theory]
    [InlineData("1990-01-01", "V0")]
    [InlineData("2018-08-13", "V0")]
    [InlineData("2018-08-14", "V1")]
    [InlineData("2024-09-22", "V1")]
    [InlineData("2024-09-23", "V2")]
    [InlineData("2025-02-12", "V2")]
    public void Evaluate_ReceivedOn_SelectsTheVersionInForceThatDay(string received, string expected)
    {
        LocalDate date = NodaTime.Text.LocalDatePattern.Iso.Parse(received).Value;
        LegalRequest request = Some.With(Some.V1Permitted(), receivedOn: date);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(expected, decision.VersionId);
        Assert.Equal(date, decision.ReceivedOn);
        Assert.Equal(expected == "V0" ? DecisionOutcome.Deny : DecisionOutcome.MayDisclose, decision.Outcome);
        Assert.Equal(decision.Outcome, Engine.Decide(request));
        Assert.Contains($"received {received}", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IssuedBeforeV1ButReceivedUnderIt_IsJudgedByTheReceiptDate()
    {
        LegalRequest request = (RequestFacts.Of(Some.V1Permitted()) with
        {
            ReceivedOn = new LocalDate(2018, 8, 14),
            IssuedOn = new LocalDate(2018, 8, 1),
        }).ToRequest();

        Decision decision = Engine.Evaluate(request);

        Assert.Equal("V1", decision.VersionId);
        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("v1")]
    [InlineData(" V1 ")]
    public void Evaluate_NamedVersion_AppliesItWhateverTheReceiptDate(string versionId)
    {
        Decision decision = Engine.Evaluate(Some.V2Permitted(), versionId);

        Assert.Equal("V1", decision.VersionId);
        Assert.Equal(BuiltInRules.V1.Citation, decision.VersionCitation);
        Assert.Equal([ReasonCodes.NotTerrorSuspect], DecisionAssert.Codes(decision));
        Assert.Equal(Some.V2Day, decision.ReceivedOn);
    }

    [Fact]
    public void Evaluate_AsOfAnotherDate_AppliesTheVersionInForceThen()
    {
        Decision asOf2020 = Engine.Evaluate(Some.V2Permitted(), new LocalDate(2020, 1, 1));
        Decision asOf2017 = Engine.Evaluate(Some.V2Permitted(), new LocalDate(2017, 1, 1));
        Decision asOfV2Start = Engine.Evaluate(Some.V1Permitted(), BuiltInRules.V2Start);

        Assert.Equal("V1", asOf2020.VersionId);
        Assert.Equal(DecisionOutcome.Deny, asOf2020.Outcome);
        Assert.Equal("V0", asOf2017.VersionId);
        Assert.Equal("V2", asOfV2Start.VersionId);
        Assert.Equal(DecisionOutcome.MayDisclose, asOfV2Start.Outcome);
    }

    [Fact]
    public void Evaluate_GivenVersionObject_AppliesIt()
    {
        Decision decision = Engine.Evaluate(Some.V1Permitted(), BuiltInRules.V2);

        Assert.Equal("V2", decision.VersionId);
        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        Assert.Equal(DecisionOutcome.MayDisclose, Engine.Decide(Some.V1Permitted(), BuiltInRules.V2));
    }

    [Theory]
    [InlineData("V9")]
    [InlineData("")]
    [InlineData("8.3-2024")]
    public void Evaluate_UnknownVersionName_DeniesWithUnknownVersion(string versionId)
    {
        Decision decision = Engine.Evaluate(Some.V2Permitted(), versionId);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Null(decision.VersionId);
        Reason reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCodes.UnknownVersion, reason.Code);
        Assert.Null(reason.ClauseId);
        Assert.Equal($"The policy telegram-privacy-8.3 has no version '{versionId}'; it has V0, V1, V2.", reason.Message);
        DecisionAssert.HasFacts(reason, ("version", versionId));
        DecisionAssert.AllItems(decision, ItemOutcome.Denied);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void Evaluate_NullVersionNameOrObject_DeniesWithUnknownVersion()
    {
        Decision byName = Engine.Evaluate(Some.V2Permitted(), (string?)null);
        Decision byObject = Engine.Evaluate(Some.V2Permitted(), (RuleVersion?)null);

        Assert.Equal([ReasonCodes.UnknownVersion], DecisionAssert.Codes(byName));
        Assert.Equal([ReasonCodes.UnknownVersion], DecisionAssert.Codes(byObject));
        Assert.Equal(DecisionOutcome.Deny, Engine.Decide(Some.V2Permitted(), null));
    }

    [Fact]
    public void Evaluate_DateNoVersionCovers_DeniesWithNoVersionInForce()
    {
        var policy = new Policy("current-only", "V2 only", [BuiltInRules.V2]);
        var engine = new DisclosureEngine(policy, new FakeClock(Engines.DecidedAt));

        Decision decision = engine.Evaluate(Some.V1Permitted());
        Decision asOf = engine.Evaluate(Some.V2Permitted(), new LocalDate(2019, 5, 1));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCodes.NoVersionInForce, reason.Code);
        Assert.Equal("No version of current-only is in force on 2020-03-15 for FR.", reason.Message);
        DecisionAssert.HasFacts(reason, ("received on", "2020-03-15"));
        DecisionAssert.HasFacts(Assert.Single(asOf.Reasons), ("as of", "2019-05-01"));
        Assert.Equal(DecisionOutcome.Deny, engine.Decide(Some.V1Permitted()));
        Assert.Equal(DecisionOutcome.MayDisclose, engine.Decide(Some.V2Permitted()));
    }

    [Fact]
    public void Constructor_NullArgument_Throws()
    {
        var clock = new FakeClock(Engines.DecidedAt);

        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(null!, clock)).ParamName);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(BuiltInRules.Policy, null!)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(BuiltInRules.Policy, clock, null!)).ParamName);
    }

    [Fact]
    public void Constructor_WithoutZone_TakesDecisionDatesInUtc()
    {
        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Engines.DecidedAt));

        Assert.Same(BuiltInRules.Policy, engine.Policy);
        Assert.Equal(DateTimeZone.Utc, engine.Zone);
    }

    [Fact]
    public void Evaluate_DecisionStamp_IsReadFromTheInjectedClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 12, 0));
        var engine = new DisclosureEngine(BuiltInRules.Policy, clock);

        Decision first = engine.Evaluate(Some.V2Permitted());
        clock.AdvanceHours(30);
        Decision second = engine.Evaluate(Some.V2Permitted());

        Assert.Equal(Instant.FromUtc(2026, 3, 1, 12, 0), first.DecidedAt);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 18, 0), second.DecidedAt);
        Assert.NotEqual(first, second);
        Assert.Contains("decided 2026-03-01T12:00:00Z", first.Explain(), StringComparison.Ordinal);
    }
}
