using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>V1 (2018-08-14 to 2024-09-22): a court order confirming a terror suspect.</summary>
public partial class BuiltInRulesTests
{
    private const string V1Account = "user:2002";

    [Fact]
    public void V1_CourtOrderConfirmingTerrorSuspect_MayDiscloseIpAddressAndPhoneNumber()
    {
        Decision decision = Engine.Evaluate(Some.V1Permitted());

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        Assert.True(decision.IsPermitted);
        Assert.Equal("V1", decision.VersionId);
        Assert.Equal(
            [
                new ItemResult(V1Account, DataCategory.IpAddress, ItemOutcome.Permitted),
                new ItemResult(V1Account, DataCategory.PhoneNumber, ItemOutcome.Permitted),
            ],
            decision.Results);
        Assert.Equal(2, decision.Reasons.Count);
        Assert.All(decision.Reasons, r =>
        {
            Assert.Equal(ReasonCodes.CourtOrderConfirmsTerrorSuspect, r.Code);
            Assert.Equal(ClauseEffectKind.Permit, r.Effect);
            Assert.Equal("8.3-2018/disclose", r.ClauseId);
            Assert.Equal("we may disclose your IP address and phone number to the relevant authorities", r.Wording);
            Assert.Equal(V1Account, r.AccountReference);
            Assert.Empty(r.Facts);
        });
        Assert.Equal([DataCategory.IpAddress, DataCategory.PhoneNumber], decision.Reasons.Select(r => r.Category!.Value));
        Assert.Contains(
            "Privacy Policy 8.3 (2018-08-14): \"we may disclose your IP address and phone number to the relevant authorities\"",
            decision.Explain(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IssuingAuthorityKind.Court)]
    [InlineData(IssuingAuthorityKind.Judge)]
    [InlineData(IssuingAuthorityKind.InvestigatingJudge)]
    public void V1_OrderOfACourtOrJudge_MayDisclose(IssuingAuthorityKind issuer)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), authority: issuer));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
    }

    [Theory]
    [InlineData(InstrumentKind.SearchWarrant)]
    [InlineData(InstrumentKind.CourtProductionOrder)]
    [InlineData(InstrumentKind.EuropeanProductionOrder)]
    [InlineData(InstrumentKind.CivilCourtOrder)]
    public void V1_WarrantsAndProductionOrdersOfACourt_CountAsCourtOrders(InstrumentKind instrument)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), instrument: instrument));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
    }

    [Theory]
    [InlineData(IssuingAuthorityKind.PublicProsecutor)]
    [InlineData(IssuingAuthorityKind.GrandJury)]
    [InlineData(IssuingAuthorityKind.PoliceOrLawEnforcementAgency)]
    [InlineData(IssuingAuthorityKind.IntelligenceService)]
    [InlineData(IssuingAuthorityKind.AdministrativeAuthority)]
    [InlineData(IssuingAuthorityKind.CentralAuthority)]
    [InlineData(IssuingAuthorityKind.PrivateParty)]
    public void V1_IssuerNotACourt_IsDeniedAsNotACourtOrder(IssuingAuthorityKind issuer)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), authority: issuer));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        DecisionAssert.AllItems(decision, ItemOutcome.Denied);
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.NotACourtOrder, BuiltInRules.V1, "8.3-2018/court-order", "a court order");
        DecisionAssert.HasFacts(reason, ("instrument", "CourtOrder"), ("issuing authority", issuer.ToString()));
        Assert.Null(reason.AccountReference);
        Assert.Equal([ReasonCodes.NotACourtOrder], DecisionAssert.Codes(decision));
        DecisionAssert.NoReport(decision);
    }

    [Theory]
    [InlineData(InstrumentKind.GrandJurySubpoena)]
    [InlineData(InstrumentKind.AdministrativeSubpoena)]
    [InlineData(InstrumentKind.CivilSubpoena)]
    [InlineData(InstrumentKind.PoliceRequest)]
    [InlineData(InstrumentKind.AdministrativeOrder)]
    [InlineData(InstrumentKind.NationalSecurityLetter)]
    [InlineData(InstrumentKind.IntelligenceRequest)]
    [InlineData(InstrumentKind.EmergencyDisclosureRequest)]
    [InlineData(InstrumentKind.MlatRequest)]
    [InlineData(InstrumentKind.InformalRequest)]
    public void V1_SubpoenaPoliceIntelligenceOrInformalInstrument_IsNotACourtOrderEvenFromACourt(InstrumentKind instrument)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), instrument: instrument, authority: IssuingAuthorityKind.Court));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.NotACourtOrder, BuiltInRules.V1, "8.3-2018/court-order", "a court order");
        DecisionAssert.HasFacts(reason, ("instrument", instrument.ToString()), ("issuing authority", "Court"));
    }

    [Fact]
    public void V1_OrderNotValid_IsDenied()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), valid: false));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.OrderNotValid, BuiltInRules.V1, "8.3-2018/valid", "If Telegram receives a court order");
        DecisionAssert.HasFacts(reason, ("order valid", "no"), ("origin verification", "VerifiedOutOfBand"));
        Assert.Equal([ReasonCodes.OrderNotValid], DecisionAssert.Codes(decision));
    }

    [Theory]
    [InlineData(SubjectStatus.Accused)]
    [InlineData(SubjectStatus.Suspect)]
    public void V1_SuspectOrAccused_MayDisclose(SubjectStatus status)
    {
        LegalRequest request = Some.With(Some.V1Permitted(), subjects: [new Subject(V1Account, status, OffenceCategory.Terrorism)]);

        Assert.Equal(DecisionOutcome.MayDisclose, Engine.Evaluate(request).Outcome);
    }

    [Theory]
    [InlineData(SubjectStatus.NotStated)]
    [InlineData(SubjectStatus.Convicted)]
    [InlineData(SubjectStatus.Victim)]
    [InlineData(SubjectStatus.Witness)]
    [InlineData(SubjectStatus.AssociatedAccount)]
    [InlineData(SubjectStatus.Other)]
    public void V1_SubjectNotConfirmedAsSuspect_IsDenied(SubjectStatus status)
    {
        LegalRequest request = Some.With(Some.V1Permitted(), subjects: [new Subject(V1Account, status, OffenceCategory.Terrorism)]);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.SubjectNotConfirmedSuspect, BuiltInRules.V1, "8.3-2018/suspect", "that confirms you're a terror suspect");
        Assert.Equal(V1Account, reason.AccountReference);
        Assert.Null(reason.Category);
        DecisionAssert.HasFacts(reason, ("subject status", status.ToString()));
        Assert.Equal([ReasonCodes.SubjectNotConfirmedSuspect], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V1_CaseWithoutTerrorism_IsDeniedAsNotATerrorSuspect()
    {
        LegalRequest request = Some.With(
            Some.V1Permitted(),
            subjects: [new Subject(V1Account, SubjectStatus.Suspect, OffenceCategory.DrugTrafficking, OffenceCategory.ChildSexualAbuse)]);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.NotTerrorSuspect, BuiltInRules.V1, "8.3-2018/terror", "a terror suspect");
        DecisionAssert.HasFacts(reason, ("offences", "ChildSexualAbuse, DrugTrafficking"));
        Assert.Equal(V1Account, reason.AccountReference);
        Assert.Equal([ReasonCodes.NotTerrorSuspect], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V1_CaseWithNoOffenceStated_IsDeniedAsNotATerrorSuspect()
    {
        LegalRequest request = Some.With(Some.V1Permitted(), subjects: [new Subject(V1Account, SubjectStatus.Suspect)]);

        Reason reason = DecisionAssert.SingleReason(Engine.Evaluate(request), ReasonCodes.NotTerrorSuspect);

        DecisionAssert.HasFacts(reason, ("offences", "none"));
    }

    [Fact]
    public void V1_TerrorismAmongUnmappedOffences_MayDisclose()
    {
        LegalRequest request = Some.With(
            Some.V1Permitted(),
            subjects: [new Subject(V1Account, SubjectStatus.Accused, OffenceCategory.MoneyLaundering, OffenceCategory.Terrorism)]);

        Assert.Equal(DecisionOutcome.MayDisclose, Engine.Evaluate(request).Outcome);
    }

    [Fact]
    public void V1_IssuerNotRelevant_StillMayDisclose()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), relevant: false));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        DecisionAssert.NoReason(decision, ReasonCodes.IssuerNotRelevant);
    }

    [Theory]
    [InlineData(ProceedingKind.Civil)]
    [InlineData(ProceedingKind.NationalSecurity)]
    [InlineData(ProceedingKind.None)]
    public void V1_NonCriminalProceeding_StillMayDisclose(ProceedingKind proceeding)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), proceeding: proceeding));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        DecisionAssert.NoReason(decision, ReasonCodes.NotACriminalCase);
    }

    [Theory]
    [InlineData(LegalAnalysisOutcome.NotPerformed)]
    [InlineData(LegalAnalysisOutcome.Failed)]
    public void V1_LegalAnalysisNotPassed_StillMayDiscloseWithoutAnalysisObligation(LegalAnalysisOutcome analysis)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), analysis: analysis));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        Assert.DoesNotContain(decision.Obligations, o => o.Kind == ObligationKind.PerformLegalAnalysis);
        DecisionAssert.NoReason(decision, ReasonCodes.PendingLegalAnalysis);
        DecisionAssert.NoReason(decision, ReasonCodes.LegalAnalysisFailed);
    }

    [Fact]
    public void V1_NonTerrorCaseV2WouldPermit_IsDeniedUnderV1()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: Some.V1Day);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal("V1", decision.VersionId);
        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal([ReasonCodes.NotTerrorSuspect], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V1_EveryClauseFailing_ReportsEveryReasonInClauseOrder()
    {
        LegalRequest request = Some.With(
            Some.V1Permitted(),
            authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency,
            instrument: InstrumentKind.PoliceRequest,
            valid: false,
            recipient: RecipientKind.Lawyer,
            emergency: true,
            preservationOnly: true,
            subjects: [new Subject(V1Account, SubjectStatus.Witness, OffenceCategory.FraudOrScam)],
            data: [DataCategory.IpAddress, DataCategory.Contacts]);

        Decision decision = Engine.Evaluate(request);

        // Preservation only puts the request outside the clause; every other clause's reason is still listed.
        Assert.Equal(DecisionOutcome.NotApplicable, decision.Outcome);
        Assert.Equal(
            [
                ReasonCodes.PreservationNotCovered, ReasonCodes.EmergencyNotCovered, ReasonCodes.RecipientNotAnAuthority,
                ReasonCodes.DataCategoryNotDisclosable, ReasonCodes.NotACourtOrder, ReasonCodes.OrderNotValid,
                ReasonCodes.SubjectNotConfirmedSuspect, ReasonCodes.NotTerrorSuspect,
            ],
            DecisionAssert.Codes(decision));
        Assert.Equal(DataCategory.Contacts, DecisionAssert.SingleReason(decision, ReasonCodes.DataCategoryNotDisclosable).Category);
    }
}
