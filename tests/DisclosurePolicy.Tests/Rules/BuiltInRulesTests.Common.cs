using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>The steps V1 and V2 share: preservation, emergency claims, the recipient, the data categories, and how
/// items of several categories and accounts combine.</summary>
public partial class BuiltInRulesTests
{
    public static TheoryData<string, DataCategory> NonDisclosableCategories()
    {
        var data = new TheoryData<string, DataCategory>();
        foreach (string version in new[] { "V1", "V2" })
        {
            foreach (DataCategory category in Enum.GetValues<DataCategory>())
            {
                if (category is not (DataCategory.Unspecified or DataCategory.IpAddress or DataCategory.PhoneNumber))
                {
                    data.Add(version, category);
                }
            }
        }

        return data;
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void PreservationOnly_IsNotApplicableWithoutObligations(string version)
    {
        Decision decision = Engine.Evaluate(Some.With(Permitted(version), preservationOnly: true));

        Assert.Equal(DecisionOutcome.NotApplicable, decision.Outcome);
        Assert.False(decision.IsPermitted);
        DecisionAssert.AllItems(decision, ItemOutcome.NotApplicable);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.PreservationNotCovered, Version(version), $"{Prefix(version)}/preservation", version == "V1" ? "we may disclose" : "may disclose");
        Assert.Equal(ClauseEffectKind.NotApplicable, reason.Effect);
        DecisionAssert.HasFacts(reason, ("preservation only", "yes"));
        Assert.Equal([ReasonCodes.PreservationNotCovered], DecisionAssert.Codes(decision));
        Assert.Empty(decision.Obligations);
        Assert.Contains("NOT APPLICABLE: the rule does not cover this request", decision.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void EuropeanPreservationOrder_IsNotApplicable(string version)
    {
        LegalRequest request = Some.With(Permitted(version), instrument: InstrumentKind.EuropeanPreservationOrder, preservationOnly: true);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.NotApplicable, decision.Outcome);
        Assert.Equal([ReasonCodes.PreservationNotCovered], DecisionAssert.Codes(decision));
    }

    // Scope before merits (DOMAIN.md section 7, step 5): a preservation-only request is outside clause 8.3, so it is not
    // applicable even when other clauses also fail; their reasons are still listed, in clause order.
    [Theory]
    [InlineData("V1", new[] { ReasonCodes.PreservationNotCovered, ReasonCodes.RecipientNotAnAuthority, ReasonCodes.NotACourtOrder, ReasonCodes.SubjectNotConfirmedSuspect })]
    [InlineData("V2", new[] { ReasonCodes.PreservationNotCovered, ReasonCodes.RecipientNotAnAuthority, ReasonCodes.IssuerNotJudicialAuthority, ReasonCodes.SubjectNotConfirmedSuspect })]
    public void PreservationOnly_AlsoFailingRecipientIssuerAndSuspect_IsNotApplicableWithEveryReasonListed(string version, string[] codes)
    {
        LegalRequest request = Some.With(
            Permitted(version),
            instrument: InstrumentKind.PreservationRequest,
            authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency,
            recipient: RecipientKind.PrivateParty,
            subjects: [new Subject("user:4711", SubjectStatus.Witness, OffenceCategory.Terrorism)],
            preservationOnly: true);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.NotApplicable, decision.Outcome);
        DecisionAssert.AllItems(decision, ItemOutcome.NotApplicable);
        Assert.Equal(codes, DecisionAssert.Codes(decision));
        Assert.Empty(decision.Obligations);
        Assert.Equal(DecisionOutcome.NotApplicable, Engine.Decide(request));
        Assert.StartsWith($"Request {request.Id}: NOT APPLICABLE", decision.Explain(), StringComparison.Ordinal);
    }

    // Only invalid input, V0 and an excluding overlay come before scope.
    [Fact]
    public void PreservationOnly_FromACountryAnOverlayExcludes_IsDenied()
    {
        var engine = new DisclosureEngine(
            JurisdictionOverlay.AuthorityExclusion("no-fr", ["FR"], null).ApplyTo(BuiltInRules.Policy), new NodaTime.Testing.FakeClock(Engines.DecidedAt));
        LegalRequest request = Some.With(Some.V2Permitted(), preservationOnly: true);

        Decision decision = engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal([ReasonCodes.JurisdictionExcludedByOverlay, ReasonCodes.PreservationNotCovered], DecisionAssert.Codes(decision));
        Assert.Equal(DecisionOutcome.Deny, engine.Decide(request));
    }

    [Fact]
    public void PreservationOnly_ReceivedUnderV0_IsDenied()
    {
        LegalRequest request = Some.With(Some.V1Permitted(), receivedOn: new NodaTime.LocalDate(2018, 8, 13), preservationOnly: true);

        Assert.Equal(DecisionOutcome.Deny, Engine.Evaluate(request).Outcome);
        Assert.Equal(DecisionOutcome.Deny, Engine.Decide(request));
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void EmergencyClaim_WithAQualifyingOrder_ChangesNothing(string version)
    {
        Decision calm = Engine.Evaluate(Permitted(version));
        Decision urgent = Engine.Evaluate(Some.With(Permitted(version), emergency: true));

        Assert.Equal(DecisionOutcome.MayDisclose, urgent.Outcome);
        Assert.Equal(calm.Results, urgent.Results);
        Assert.Equal(calm.Reasons, urgent.Reasons);
        DecisionAssert.NoReason(urgent, ReasonCodes.EmergencyNotCovered);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void EmergencyDisclosureRequestFromPolice_IsDeniedAsEmergencyNotCoveredAndNotJudicial(string version)
    {
        LegalRequest request = Some.With(
            Permitted(version), emergency: true, instrument: InstrumentKind.EmergencyDisclosureRequest, authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        string wording = version == "V1" ? "If Telegram receives a court order" : "If Telegram receives a valid order from the relevant judicial authorities";
        Reason reason = DecisionAssert.CitesClause(decision, ReasonCodes.EmergencyNotCovered, Version(version), $"{Prefix(version)}/emergency", wording);
        Assert.Contains(("emergency claimed", "yes"), reason.Facts.Select(f => (f.Name, f.Value)));
        Assert.Contains(("instrument", "EmergencyDisclosureRequest"), reason.Facts.Select(f => (f.Name, f.Value)));
        Assert.Equal(
            [ReasonCodes.EmergencyNotCovered, version == "V1" ? ReasonCodes.NotACourtOrder : ReasonCodes.IssuerNotJudicialAuthority],
            DecisionAssert.Codes(decision));
    }

    [Theory]
    [InlineData("V1", OriginVerification.Unverified)]
    [InlineData("V1", OriginVerification.FailedVerification)]
    [InlineData("V2", OriginVerification.Unverified)]
    [InlineData("V2", OriginVerification.FailedVerification)]
    public void UnverifiedOrigin_MakesTheOrderNotValid(string version, OriginVerification verification)
    {
        Decision decision = Engine.Evaluate(Some.With(Permitted(version), verification: verification));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.SingleReason(decision, ReasonCodes.OrderNotValid);
        Assert.Equal($"{Prefix(version)}/valid", reason.ClauseId);
        DecisionAssert.HasFacts(reason, ("order valid", "yes"), ("origin verification", verification.ToString()));
        Assert.Equal([ReasonCodes.OrderNotValid], DecisionAssert.Codes(decision));
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void EmergencyClaimFromAnUnverifiedSource_IsDeniedTwice(string version)
    {
        // The forged-emergency-request attack: a claimed emergency from an unverified mailbox.
        LegalRequest request = Some.With(Permitted(version), emergency: true, verification: OriginVerification.Unverified);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal([ReasonCodes.EmergencyNotCovered, ReasonCodes.OrderNotValid], DecisionAssert.Codes(decision));
    }

    [Fact]
    public void EmergencyClaimWithIrrelevantIssuer_IsCoveredUnderV1ButNotUnderV2()
    {
        Decision v1 = Engine.Evaluate(Some.With(Some.V1Permitted(), emergency: true, relevant: false));
        Decision v2 = Engine.Evaluate(Some.With(Some.V2Permitted(), emergency: true, relevant: false));

        Assert.Equal(DecisionOutcome.MayDisclose, v1.Outcome);
        Assert.Equal([ReasonCodes.EmergencyNotCovered, ReasonCodes.IssuerNotRelevant], DecisionAssert.Codes(v2));
    }

    [Theory]
    [InlineData("V1", RecipientKind.PrivateParty)]
    [InlineData("V1", RecipientKind.Lawyer)]
    [InlineData("V2", RecipientKind.PrivateParty)]
    [InlineData("V2", RecipientKind.Lawyer)]
    public void RecipientNotAnAuthority_IsDenied(string version, RecipientKind recipient)
    {
        Decision decision = Engine.Evaluate(Some.With(Permitted(version), recipient: recipient));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.RecipientNotAnAuthority, Version(version), $"{Prefix(version)}/recipient", "to the relevant authorities");
        DecisionAssert.HasFacts(reason, ("recipient", recipient.ToString()));
        Assert.Equal([ReasonCodes.RecipientNotAnAuthority], DecisionAssert.Codes(decision));
    }

    [Theory]
    [InlineData("V1", RecipientKind.JudicialAuthority)]
    [InlineData("V1", RecipientKind.OtherPublicAuthority)]
    [InlineData("V2", RecipientKind.JudicialAuthority)]
    [InlineData("V2", RecipientKind.OtherPublicAuthority)]
    public void RecipientAnAuthority_MayDisclose(string version, RecipientKind recipient)
    {
        Assert.Equal(DecisionOutcome.MayDisclose, Engine.Evaluate(Some.With(Permitted(version), recipient: recipient)).Outcome);
    }

    [Theory]
    [MemberData(nameof(NonDisclosableCategories))]
    public void DataCategoryOtherThanIpAddressOrPhoneNumber_IsNeverDisclosable(string version, DataCategory category)
    {
        Decision decision = Engine.Evaluate(Some.With(Permitted(version), data: [category]));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Reason reason = DecisionAssert.CitesClause(
            decision, ReasonCodes.DataCategoryNotDisclosable, Version(version), $"{Prefix(version)}/data", "your IP address and phone number");
        Assert.Equal(Account(version), reason.AccountReference);
        Assert.Equal(category, reason.Category);
        DecisionAssert.HasFacts(reason, ("data category", category.ToString()));
        Assert.Equal([ReasonCodes.DataCategoryNotDisclosable], DecisionAssert.Codes(decision));
        DecisionAssert.NoReport(decision);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void MixedCategories_ArePartiallyPermitted(string version)
    {
        LegalRequest request = Some.With(
            Permitted(version), data: [DataCategory.ConnectionLogs, DataCategory.IpAddress, DataCategory.Contacts, DataCategory.PhoneNumber]);
        string account = Account(version);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.PartiallyPermitted, decision.Outcome);
        Assert.True(decision.IsPermitted);
        Assert.Equal(
            [ItemOutcome.Denied, ItemOutcome.Permitted, ItemOutcome.Denied, ItemOutcome.Permitted],
            decision.Results.Select(r => r.Outcome));
        Assert.Equal(
            [
                (ReasonCodes.DataCategoryNotDisclosable, DataCategory.ConnectionLogs),
                (ReasonCodes.DataCategoryNotDisclosable, DataCategory.Contacts),
                (Version(version).Clauses[^1].Effect.ReasonCode, DataCategory.IpAddress),
                (Version(version).Clauses[^1].Effect.ReasonCode, DataCategory.PhoneNumber),
            ],
            decision.Reasons.Select(r => (r.Code, r.Category!.Value)));
        Assert.All(decision.Reasons, r => Assert.Equal(account, r.AccountReference));
        Assert.Equal(1, DecisionAssert.SingleReport(decision).AffectedUsers);
        Assert.Contains("PARTIALLY PERMITTED", decision.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("V1", OffenceCategory.Terrorism)]
    [InlineData("V2", OffenceCategory.ChildSexualAbuse)]
    public void SeveralSubjects_EachIsJudgedOnWhatTheOrderConfirmsAboutThem(string version, OffenceCategory offence)
    {
        LegalRequest request = Some.With(
            Permitted(version),
            subjects:
            [
                new Subject("@suspect", SubjectStatus.Suspect, offence),
                new Subject("@witness", SubjectStatus.Witness, offence),
                new Subject("@accused", SubjectStatus.Accused, offence),
            ],
            data: [DataCategory.PhoneNumber]);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.PartiallyPermitted, decision.Outcome);
        Assert.Equal(ItemOutcome.Permitted, DecisionAssert.Item(decision, "@suspect", DataCategory.PhoneNumber));
        Assert.Equal(ItemOutcome.Denied, DecisionAssert.Item(decision, "@witness", DataCategory.PhoneNumber));
        Assert.Equal(ItemOutcome.Permitted, DecisionAssert.Item(decision, "@accused", DataCategory.PhoneNumber));
        Reason reason = DecisionAssert.SingleReason(decision, ReasonCodes.SubjectNotConfirmedSuspect);
        Assert.Equal("@witness", reason.AccountReference);
        Assert.Equal(2, DecisionAssert.SingleReport(decision).AffectedUsers);
        Assert.Contains("SubjectNotConfirmedSuspect [denies; @witness]", decision.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void SeveralSubjectsAndCategories_ReportSubjectReasonsOncePerAccountAndDataReasonsPerItem(string version)
    {
        LegalRequest request = Some.With(
            Permitted(version),
            subjects: [new Subject("@a", SubjectStatus.Victim, OffenceCategory.Terrorism), new Subject("@b", SubjectStatus.Convicted, OffenceCategory.Terrorism)],
            data: [DataCategory.IpAddress, DataCategory.Media, DataCategory.Location]);

        Decision decision = Engine.Evaluate(request);

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(
            [
                (ReasonCodes.DataCategoryNotDisclosable, "@a", (DataCategory?)DataCategory.Media),
                (ReasonCodes.DataCategoryNotDisclosable, "@a", DataCategory.Location),
                (ReasonCodes.DataCategoryNotDisclosable, "@b", DataCategory.Media),
                (ReasonCodes.DataCategoryNotDisclosable, "@b", DataCategory.Location),
                (ReasonCodes.SubjectNotConfirmedSuspect, "@a", null),
                (ReasonCodes.SubjectNotConfirmedSuspect, "@b", null),
            ],
            decision.Reasons.Select(r => (r.Code, r.AccountReference!, r.Category)));
        Assert.Equal(6, decision.Results.Count);
        DecisionAssert.AllItems(decision, ItemOutcome.Denied);
    }
}
