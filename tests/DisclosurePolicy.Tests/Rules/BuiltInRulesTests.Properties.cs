using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>Invariants of the built-in versions over generated valid requests, each version asked for by name.</summary>
public partial class BuiltInRulesTests
{
    private const int Cases = 1_000;

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void V1_Permit_RequiresTerrorismCourtOrderValidVerifiedOrderAndSuspect(ValidRequest valid)
    {
        LegalRequest r = valid.Request;
        Decision decision = Engine.Evaluate(r, "V1");

        foreach (ItemResult item in decision.Results.Where(i => i.Outcome == ItemOutcome.Permitted))
        {
            Subject subject = r.Subjects.Single(s => s.AccountReference == item.AccountReference);
            Assert.Contains(OffenceCategory.Terrorism, subject.Offences);
            Assert.Contains(subject.Status, new[] { SubjectStatus.Suspect, SubjectStatus.Accused });
            Assert.Contains(r.Authority.Kind, new[] { IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge });
            Assert.Contains(r.Instrument, CourtInstruments);
            Assert.True(r.OrderIsValid);
            Assert.Equal(OriginVerification.VerifiedOutOfBand, r.Provenance.Verification);
            Assert.False(r.PreservationOnly);
            Assert.True(SpecOracle.IsAuthority(r.Recipient));
            Assert.Single(decision.Reasons, x => x.Code == ReasonCodes.CourtOrderConfirmsTerrorSuspect && x.AccountReference == item.AccountReference && x.Category == item.Category);
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void V2_Permit_RequiresPassedAnalysisRelevantJudicialIssuerCriminalCaseAndTosMappedOffence(ValidRequest valid)
    {
        LegalRequest r = valid.Request;
        Decision decision = Engine.Evaluate(r, "V2");

        foreach (ItemResult item in decision.Results.Where(i => i.Outcome == ItemOutcome.Permitted))
        {
            Subject subject = r.Subjects.Single(s => s.AccountReference == item.AccountReference);
            Assert.Equal(LegalAnalysisOutcome.Passed, r.LegalAnalysis.Outcome);
            Assert.Contains(r.Authority.Kind, new[] { IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge });
            Assert.True(r.IssuerIsRelevant);
            Assert.Equal(ProceedingKind.Criminal, r.Proceeding);
            Assert.NotEmpty(BuiltInRules.TermsOfService.ItemsViolated(subject.Offences, BuiltInRules.V2.CatalogueDate(r.ReceivedOn)));
            Assert.Contains(subject.Status, new[] { SubjectStatus.Suspect, SubjectStatus.Accused });
            Assert.True(r.OrderIsValid);
            Assert.Equal(OriginVerification.VerifiedOutOfBand, r.Provenance.Verification);
            Assert.False(r.PreservationOnly);
            Assert.True(SpecOracle.IsAuthority(r.Recipient));
        }
    }

    /// <summary>
    /// Monotonicity from V1 to V2. V2 adds three conditions V1 does not have: the issuer is relevant, the proceeding is
    /// criminal, and the legal analysis passed. Whenever those three hold, every item V1 permits (a court order, valid and
    /// verified, to an authority, for IP address or phone number, of a suspect or accused of terrorism, not preservation
    /// only) is permitted by V2 as well, because terrorism maps to Terms-of-Service item 4, which is in force throughout V2.
    /// The request is taken as generated and then given exactly those three facts; everything else is left as drawn.
    /// </summary>
    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void V1Permit_WithRelevantIssuerCriminalCaseAndPassedAnalysis_IsAlsoAV2Permit(ValidRequest valid)
    {
        LegalRequest r = (RequestFacts.Of(valid.Request) with
        {
            IssuerIsRelevant = true,
            Proceeding = ProceedingKind.Criminal,
            LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Reviewed."),
        }).ToRequest();

        Decision v1 = Engine.Evaluate(r, "V1");
        Decision v2 = Engine.Evaluate(r, "V2");

        foreach ((ItemResult before, ItemResult after) in v1.Results.Zip(v2.Results))
        {
            Assert.Equal((before.AccountReference, before.Category), (after.AccountReference, after.Category));
            if (before.Outcome == ItemOutcome.Permitted)
            {
                Assert.Equal(ItemOutcome.Permitted, after.Outcome);
            }
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void V1_RelevanceProceedingAndAnalysis_NeverChangeTheOutcome(ValidRequest valid, bool relevant, bool criminal, bool passed)
    {
        LegalRequest changed = (RequestFacts.Of(valid.Request) with
        {
            IssuerIsRelevant = relevant,
            Proceeding = criminal ? ProceedingKind.Criminal : ProceedingKind.Civil,
            LegalAnalysis = new LegalAnalysis(passed ? LegalAnalysisOutcome.Passed : LegalAnalysisOutcome.NotPerformed, null),
        }).ToRequest();

        Decision original = Engine.Evaluate(valid.Request, "V1");
        Decision other = Engine.Evaluate(changed, "V1");

        Assert.Equal(original.Outcome, other.Outcome);
        Assert.Equal(original.Results, other.Results);
        Assert.Equal(original.Reasons.Select(x => x.Code), other.Reasons.Select(x => x.Code));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = Cases)]
    public void EmergencyClaim_NeverPermitsAnItemTheSameRequestWithoutItWouldNot(ValidRequest valid)
    {
        LegalRequest calm = (RequestFacts.Of(valid.Request) with { EmergencyClaim = false }).ToRequest();
        LegalRequest urgent = (RequestFacts.Of(valid.Request) with { EmergencyClaim = true }).ToRequest();

        foreach (string version in new[] { "V1", "V2" })
        {
            Decision without = Engine.Evaluate(calm, version);
            Decision with = Engine.Evaluate(urgent, version);

            foreach ((ItemResult a, ItemResult b) in without.Results.Zip(with.Results))
            {
                Assert.True(b.Outcome != ItemOutcome.Permitted || a.Outcome == ItemOutcome.Permitted, $"{version}: {b}");
            }

            // The claim adds its own reason exactly when the order would not qualify on its own.
            bool qualifies = SpecOracle.IsCourtOrder(urgent) && SpecOracle.IsValidOrder(urgent) && (version == "V1" || urgent.IssuerIsRelevant);
            Assert.Equal(!qualifies, with.Reasons.Any(x => x.Code == ReasonCodes.EmergencyNotCovered));
            DecisionAssert.NoReason(without, ReasonCodes.EmergencyNotCovered);
        }
    }
}
