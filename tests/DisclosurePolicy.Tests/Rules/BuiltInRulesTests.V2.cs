using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>V2 (from 2024-09-23): a valid order of the relevant judicial authorities, a suspect of a crime that violates
/// the Terms of Service, and a legal analysis.</summary>
public partial class BuiltInRulesTests
{
    private const string V2Account = "user:1001";

    private static LegalRequest V2WithOffences(params OffenceCategory[] offences) =>
        Some.With(Some.V2Permitted(), subjects: [new Subject(V2Account, SubjectStatus.Suspect, offences)]);

    [Fact]
    public void V2_ValidJudicialOrderAfterPassedAnalysis_MayDiscloseIpAddressAndPhoneNumber()
    {
        Decision decision = Engine.Evaluate(Some.V2Permitted());

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        Assert.Equal("V2", decision.VersionId);
        Assert.Equal("Privacy Policy 8.3 (2024-09-23)", decision.VersionCitation);
        Assert.Equal(
            [
                new ItemResult(V2Account, DataCategory.IpAddress, ItemOutcome.Permitted),
                new ItemResult(V2Account, DataCategory.PhoneNumber, ItemOutcome.Permitted),
            ],
            decision.Results);
        Assert.All(decision.Reasons, r =>
        {
            Assert.Equal(ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect, r.Code);
            Assert.Equal("8.3-2024/disclose", r.ClauseId);
            Assert.Equal("may disclose your IP address and phone number to the relevant authorities", r.Wording);
            Assert.Contains(r.Wording!, BuiltInRules.V2Wording, StringComparison.Ordinal);
        });
        Assert.Equal(2, decision.Reasons.Count);
        Assert.Equal(ReportingCadence.Quarterly, DecisionAssert.SingleReport(decision).Cadence);
        Assert.DoesNotContain(decision.Obligations, o => o.Kind == ObligationKind.PerformLegalAnalysis);
    }

    [Fact]
    public void V2_PublicProsecutor_IsNotAJudicialAuthority()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.IssuerNotJudicialAuthority, BuiltInRules.V2, "8.3-2024/judicial-authority", "a valid order from the relevant judicial authorities");
        DecisionAssert.HasFacts(reason, ("instrument", "CourtOrder"), ("issuing authority", "PublicProsecutor"));
        Assert.Equal([ReasonCodes.IssuerNotJudicialAuthority], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V1_PublicProsecutor_IsNotACourtOrder()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V1Permitted(), authority: IssuingAuthorityKind.PublicProsecutor));

        Assert.Equal([ReasonCodes.NotACourtOrder], DecisionAssert.Codes(decision));
        DecisionAssert.NoReason(decision, ReasonCodes.IssuerNotJudicialAuthority);
    }

    [Theory]
    [InlineData(IssuingAuthorityKind.GrandJury, InstrumentKind.GrandJurySubpoena)]
    [InlineData(IssuingAuthorityKind.AdministrativeAuthority, InstrumentKind.AdministrativeSubpoena)]
    [InlineData(IssuingAuthorityKind.PrivateParty, InstrumentKind.CivilSubpoena)]
    [InlineData(IssuingAuthorityKind.PoliceOrLawEnforcementAgency, InstrumentKind.PoliceRequest)]
    [InlineData(IssuingAuthorityKind.IntelligenceService, InstrumentKind.IntelligenceRequest)]
    [InlineData(IssuingAuthorityKind.PoliceOrLawEnforcementAgency, InstrumentKind.NationalSecurityLetter)]
    [InlineData(IssuingAuthorityKind.CentralAuthority, InstrumentKind.MlatRequest)]
    [InlineData(IssuingAuthorityKind.Court, InstrumentKind.InformalRequest)]
    public void V2_SubpoenaPoliceOrIntelligenceInstrument_IsNotFromAJudicialAuthority(IssuingAuthorityKind issuer, InstrumentKind instrument)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), authority: issuer, instrument: instrument));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.SingleReason(decision, ReasonCodes.IssuerNotJudicialAuthority);
        DecisionAssert.HasFacts(reason, ("instrument", instrument.ToString()), ("issuing authority", issuer.ToString()));
    }

    [Fact]
    public void V2_IssuerNotRelevant_IsDenied()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), relevant: false));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.IssuerNotRelevant, BuiltInRules.V2, "8.3-2024/relevant", "the relevant judicial authorities");
        DecisionAssert.HasFacts(reason, ("issuer relevant", "no"));
        Assert.Equal([ReasonCodes.IssuerNotRelevant], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V2_OrderNotValid_IsDenied()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), valid: false));

        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.OrderNotValid, BuiltInRules.V2, "8.3-2024/valid", "a valid order");
        DecisionAssert.HasFacts(reason, ("order valid", "no"), ("origin verification", "VerifiedOutOfBand"));
        Assert.Equal([ReasonCodes.OrderNotValid], DecisionAssert.Codes(decision));
        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
    }

    [Theory]
    [InlineData(ProceedingKind.Civil)]
    [InlineData(ProceedingKind.Administrative)]
    [InlineData(ProceedingKind.NationalSecurity)]
    [InlineData(ProceedingKind.ExecutionOfSentence)]
    [InlineData(ProceedingKind.None)]
    public void V2_ProceedingNotCriminal_IsDenied(ProceedingKind proceeding)
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), proceeding: proceeding));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.NotACriminalCase, BuiltInRules.V2, "8.3-2024/criminal", "a case involving criminal activities");
        DecisionAssert.HasFacts(reason, ("proceeding", proceeding.ToString()));
        Assert.Equal([ReasonCodes.NotACriminalCase], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V2_AccusedCountsAsSuspect_MayDisclose()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), subjects: [new Subject(V2Account, SubjectStatus.Accused, OffenceCategory.DrugTrafficking)]);

        Assert.Equal(DecisionOutcome.MayDisclose, Engine.Evaluate(request).Outcome);
    }

    [Theory]
    [InlineData(SubjectStatus.NotStated)]
    [InlineData(SubjectStatus.Convicted)]
    [InlineData(SubjectStatus.Victim)]
    [InlineData(SubjectStatus.Witness)]
    public void V2_SubjectNotConfirmedAsSuspect_IsDenied(SubjectStatus status)
    {
        LegalRequest request = Some.With(Some.V2Permitted(), subjects: [new Subject(V2Account, status, OffenceCategory.DrugTrafficking)]);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.SubjectNotConfirmedSuspect, BuiltInRules.V2, "8.3-2024/suspect", "that confirms you're a suspect");
        Assert.Equal(V2Account, reason.AccountReference);
        DecisionAssert.HasFacts(reason, ("subject status", status.ToString()));
        Assert.Equal([ReasonCodes.SubjectNotConfirmedSuspect], DecisionAssert.Codes(decision));
    }

    [Theory]
    [InlineData(OffenceCategory.Terrorism)]
    [InlineData(OffenceCategory.ChildSexualAbuse)]
    [InlineData(OffenceCategory.DrugTrafficking)]
    [InlineData(OffenceCategory.FirearmsTrafficking)]
    [InlineData(OffenceCategory.ForgedDocuments)]
    [InlineData(OffenceCategory.OtherIllegalGoodsOrServices)]
    [InlineData(OffenceCategory.FraudOrScam)]
    [InlineData(OffenceCategory.PublicIncitementToViolence)]
    [InlineData(OffenceCategory.PublicIllegalPornography)]
    public void V2_OffenceMappedToTermsOfService_MayDisclose(OffenceCategory offence)
    {
        Decision decision = Engine.Evaluate(V2WithOffences(offence));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        DecisionAssert.NoReason(decision, ReasonCodes.ActivityNotTosViolation);
    }

    [Theory]
    [InlineData(OffenceCategory.CopyrightInfringement)]
    [InlineData(OffenceCategory.Defamation)]
    [InlineData(OffenceCategory.SpeechOffenceAgainstState)]
    [InlineData(OffenceCategory.NonViolentExtremism)]
    [InlineData(OffenceCategory.Other)]
    public void V2_OffenceNotMappedToTermsOfService_IsDenied(OffenceCategory offence)
    {
        Decision decision = Engine.Evaluate(V2WithOffences(offence));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.ActivityNotTosViolation, BuiltInRules.V2, "8.3-2024/terms-of-service",
            "criminal activities that violate the Telegram Terms of Service");
        Assert.Equal(V2Account, reason.AccountReference);
        DecisionAssert.HasFacts(reason, ("offences", offence.ToString()), ("Terms-of-Service items", "none"));
        Assert.Equal([ReasonCodes.ActivityNotTosViolation], DecisionAssert.Codes(decision));
    }

    [Theory]
    [InlineData(OffenceCategory.Spam, "SpamOrScam")]
    [InlineData(OffenceCategory.MoneyLaundering, "IllegalInMajorityOfCountries")]
    [InlineData(OffenceCategory.AttacksOnInformationSystems, "IllegalInMajorityOfCountries")]
    public void V2_OffenceMeetingAnItemsWordsInACriminalCase_MayDisclose(OffenceCategory offence, string item)
    {
        Decision decision = Engine.Evaluate(V2WithOffences(offence));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        DecisionAssert.NoReason(decision, ReasonCodes.ActivityNotTosViolation);
        Assert.Equal(item, Assert.Single(BuiltInRules.TermsOfService.ItemsViolated([offence], BuiltInRules.V2Start)).ToString());
    }

    // The mapping never asks whether spam is usually a crime: a spam case that is not criminal fails the proceeding test.
    [Fact]
    public void V2_SpamInACivilCase_FailsTheProceedingTestNotTheTermsOfService()
    {
        Decision decision = Engine.Evaluate(Some.With(V2WithOffences(OffenceCategory.Spam), proceeding: ProceedingKind.Civil));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal([ReasonCodes.NotACriminalCase], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V2_UnmappedOffenceBesideAMappedOne_MayDisclose()
    {
        Decision decision = Engine.Evaluate(V2WithOffences(OffenceCategory.Defamation, OffenceCategory.FraudOrScam));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
    }

    [Fact]
    public void V2_CaseWithNoOffenceStated_IsNotATermsOfServiceViolation()
    {
        Decision decision = Engine.Evaluate(V2WithOffences());

        Assert.Equal([ReasonCodes.ActivityNotTosViolation], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void V2_AnalysisNotPerformed_IsPendingWithAnObligationToPerformIt()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed));

        Assert.Equal(DecisionOutcome.PendingLegalAnalysis, decision.Outcome);
        Assert.False(decision.IsPermitted);
        DecisionAssert.AllItems(decision, ItemOutcome.PendingLegalAnalysis);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.PendingLegalAnalysis, BuiltInRules.V2, "8.3-2024/analysis-pending", "we will perform a legal analysis of the request");
        Assert.Equal(ClauseEffectKind.Pending, reason.Effect);
        DecisionAssert.HasFacts(reason, ("legal analysis", "NotPerformed"));
        Assert.Equal([ReasonCodes.PendingLegalAnalysis], DecisionAssert.Codes(decision));
        Obligation obligation = Assert.Single(decision.Obligations);
        Assert.Equal(ObligationKind.PerformLegalAnalysis, obligation.Kind);
        Assert.Equal(BuiltInRules.V2.Citation, obligation.Citation);
        Assert.Null(obligation.ReportEntry);
        Assert.Contains("PENDING LEGAL ANALYSIS", decision.Explain(), StringComparison.Ordinal);
        Assert.Contains("Perform the legal analysis of the request", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void V2_AnalysisNotPerformedAndIssuerNotRelevant_IsDeniedWithoutPendingReasonOrObligation()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed, relevant: false));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal([ReasonCodes.IssuerNotRelevant], DecisionAssert.Codes(decision));
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void V2_AnalysisNotPerformedWithANonDisclosableCategory_IsPendingOnlyForTheDisclosableItems()
    {
        Decision decision = Engine.Evaluate(Some.With(
            Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed, data: [DataCategory.IpAddress, DataCategory.Location]));

        Assert.Equal(DecisionOutcome.PendingLegalAnalysis, decision.Outcome);
        Assert.Equal(ItemOutcome.PendingLegalAnalysis, DecisionAssert.Item(decision, V2Account, DataCategory.IpAddress));
        Assert.Equal(ItemOutcome.Denied, DecisionAssert.Item(decision, V2Account, DataCategory.Location));
        Assert.Equal([ReasonCodes.DataCategoryNotDisclosable, ReasonCodes.PendingLegalAnalysis], DecisionAssert.Codes(decision));
        Assert.Equal(ObligationKind.PerformLegalAnalysis, Assert.Single(decision.Obligations).Kind);
    }

    [Fact]
    public void V2_PreservationOnlyBeforeAnalysis_IsNotApplicableRatherThanPending()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), preservationOnly: true, analysis: LegalAnalysisOutcome.NotPerformed));

        Assert.Equal(DecisionOutcome.NotApplicable, decision.Outcome);
        DecisionAssert.AllItems(decision, ItemOutcome.NotApplicable);
        Assert.Equal([ReasonCodes.PreservationNotCovered], DecisionAssert.Codes(decision));
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void V2_AnalysisFailed_IsDenied()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.Failed));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.LegalAnalysisFailed, BuiltInRules.V2, "8.3-2024/analysis-failed", "we will perform a legal analysis of the request");
        DecisionAssert.HasFacts(reason, ("legal analysis", "Failed"));
        Assert.Equal([ReasonCodes.LegalAnalysisFailed], DecisionAssert.Codes(decision));
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void V2_EveryClauseFailing_ReportsEveryReasonInClauseOrder()
    {
        LegalRequest request = Some.With(
            Some.V2Permitted(),
            authority: IssuingAuthorityKind.PublicProsecutor,
            relevant: false,
            valid: false,
            proceeding: ProceedingKind.Civil,
            recipient: RecipientKind.PrivateParty,
            emergency: true,
            subjects: [new Subject(V2Account, SubjectStatus.Witness, OffenceCategory.Defamation)],
            data: [DataCategory.PhoneNumber, DataCategory.CloudMessageContent],
            analysis: LegalAnalysisOutcome.Failed);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(
            [
                ReasonCodes.EmergencyNotCovered, ReasonCodes.RecipientNotAnAuthority, ReasonCodes.DataCategoryNotDisclosable,
                ReasonCodes.IssuerNotJudicialAuthority, ReasonCodes.IssuerNotRelevant, ReasonCodes.OrderNotValid,
                ReasonCodes.NotACriminalCase, ReasonCodes.SubjectNotConfirmedSuspect, ReasonCodes.ActivityNotTosViolation,
                ReasonCodes.LegalAnalysisFailed,
            ],
            DecisionAssert.Codes(decision));
        string text = decision.Explain();
        int[] positions = [.. decision.Reasons.Select(r => text.IndexOf($"{r.Code} [", StringComparison.Ordinal))];
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void V2_RequestFromTheV1PeriodAskedForByName_IsJudgedWithTheV2Catalogue()
    {
        // Item 4 ("illegal in the majority of countries") only exists from 2024-09-23; asked for by name, V2 reads its own catalogue.
        LegalRequest request = Some.With(Some.V2Permitted(), receivedOn: Some.V1Day);

        Decision decision = Engine.Evaluate(request, "V2");

        Assert.Equal("V2", decision.VersionId);
        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
    }
}
