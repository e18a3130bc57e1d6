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
}
