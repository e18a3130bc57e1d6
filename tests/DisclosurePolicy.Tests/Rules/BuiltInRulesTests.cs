using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>
/// The built-in versions of clause 8.3, clause by clause: the allow path, and each deny path reached by changing exactly
/// one fact of a request the version permits (<see cref="Some.V1Permitted"/>, <see cref="Some.V2Permitted"/>).
/// </summary>
public partial class BuiltInRulesTests
{
    private static readonly DisclosureEngine Engine = Engines.BuiltIn();

    private static readonly InstrumentKind[] CourtInstruments =
    [
        InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder,
        InstrumentKind.EuropeanProductionOrder, InstrumentKind.EuropeanPreservationOrder, InstrumentKind.CivilCourtOrder,
    ];

    private static RuleVersion Version(string id) => BuiltInRules.Policy.FindVersion(id)!;

    private static LegalRequest Permitted(string version) => version == "V1" ? Some.V1Permitted() : Some.V2Permitted();

    private static string Account(string version) => Permitted(version).Subjects[0].AccountReference;

    private static string Prefix(string version) => version == "V1" ? "8.3-2018" : "8.3-2024";

    [Fact]
    public void Policy_Versions_CoverEveryDayWithoutGapOrOverlap()
    {
        Assert.Equal(["V0", "V1", "V2"], BuiltInRules.Policy.Versions.Select(v => v.Id));
        Assert.Equal(LocalDate.MinIsoValue, BuiltInRules.V0.EffectiveFrom);
        Assert.Equal(new LocalDate(2018, 8, 13), BuiltInRules.V0.EffectiveUntil);
        Assert.Equal(new LocalDate(2018, 8, 14), BuiltInRules.V1.EffectiveFrom);
        Assert.Equal(new LocalDate(2024, 9, 22), BuiltInRules.V1.EffectiveUntil);
        Assert.Equal(new LocalDate(2024, 9, 23), BuiltInRules.V2.EffectiveFrom);
        Assert.Null(BuiltInRules.V2.EffectiveUntil);
        Assert.True(RuleValidator.Validate(BuiltInRules.Policy.Id, BuiltInRules.Policy.Title, BuiltInRules.Policy.Versions).IsValid);
    }

    [Fact]
    public void Versions_CadenceAndCitation_FollowTheirTexts()
    {
        Assert.Equal(
            [ReportingCadence.None, ReportingCadence.SemiAnnual, ReportingCadence.Quarterly],
            BuiltInRules.Policy.Versions.Select(v => v.Cadence));
        Assert.Equal("Privacy Policy 8.3 (2018-08-14)", BuiltInRules.V1.Citation);
        Assert.Equal("Privacy Policy 8.3 (2024-09-23)", BuiltInRules.V2.Citation);
        Assert.Contains("semiannual transparency report", BuiltInRules.V1Wording, StringComparison.Ordinal);
        Assert.Contains("quarterly transparency report", BuiltInRules.V2Wording, StringComparison.Ordinal);
        Assert.Equal(BuiltInRules.V1Wording, BuiltInRules.V1.Wording);
        Assert.Equal(BuiltInRules.V2Wording, BuiltInRules.V2.Wording);
    }

    [Fact]
    public void V1_Clauses_FollowTheDomainEvaluationOrder()
    {
        Assert.Equal(
            [
                ReasonCodes.PreservationNotCovered, ReasonCodes.EmergencyNotCovered, ReasonCodes.RecipientNotAnAuthority,
                ReasonCodes.DataCategoryNotDisclosable, ReasonCodes.NotACourtOrder, ReasonCodes.OrderNotValid,
                ReasonCodes.SubjectNotConfirmedSuspect, ReasonCodes.NotTerrorSuspect, ReasonCodes.CourtOrderConfirmsTerrorSuspect,
            ],
            BuiltInRules.V1.Clauses.Select(c => c.Effect.ReasonCode));
    }

    [Fact]
    public void V2_Clauses_FollowTheDomainEvaluationOrderWithLegalAnalysisLast()
    {
        Assert.Equal(
            [
                ReasonCodes.PreservationNotCovered, ReasonCodes.EmergencyNotCovered, ReasonCodes.RecipientNotAnAuthority,
                ReasonCodes.DataCategoryNotDisclosable, ReasonCodes.IssuerNotJudicialAuthority, ReasonCodes.IssuerNotRelevant,
                ReasonCodes.OrderNotValid, ReasonCodes.NotACriminalCase, ReasonCodes.SubjectNotConfirmedSuspect,
                ReasonCodes.ActivityNotTosViolation, ReasonCodes.LegalAnalysisFailed, ReasonCodes.PendingLegalAnalysis,
                ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect,
            ],
            BuiltInRules.V2.Clauses.Select(c => c.Effect.ReasonCode));
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void Clauses_Wording_IsAnExactFragmentOfTheVersionText(string version)
    {
        RuleVersion v = Version(version);

        Assert.All(v.Clauses, c =>
        {
            Assert.Contains(c.Wording, v.Wording, StringComparison.Ordinal);
            Assert.Equal(v.Citation, c.Citation);
            Assert.StartsWith(Prefix(version) + "/", c.Id, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public void PermitClause_Categories_AreIpAddressAndPhoneNumberOnly(string version)
    {
        Clause permit = Assert.Single(Version(version).Clauses, c => c.Effect.Kind == ClauseEffectKind.Permit);

        Assert.Equal([DataCategory.IpAddress, DataCategory.PhoneNumber], permit.Effect.Categories);
        Assert.Equal("always", permit.Condition.ToString());
    }
}
