using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class LocalizedVariantOverlayTests
{
    private static readonly JurisdictionOverlay IndiaEarlyV2 =
        JurisdictionOverlay.LocalizedVariant("in-early-v2", "in", "V2", BuiltInRules.V1Start, BuiltInRules.V2Start.PlusDays(-1));

    private static readonly LocalDate InVariant = new(2022, 1, 10);

    [Fact]
    public void ApplyTo_AddsVariantForTheCountryCitingTheOverlay()
    {
        Policy policy = IndiaEarlyV2.ApplyTo(BuiltInRules.Policy);

        RuleVersion variant = policy.FindVersion("V2-IN")!;
        Assert.Equal(["IN"], variant.Jurisdictions);
        Assert.Equal(BuiltInRules.V1Start, variant.EffectiveFrom);
        Assert.Equal(new LocalDate(2024, 9, 22), variant.EffectiveUntil);
        Assert.Equal("Privacy Policy 8.3 (2024-09-23), localized for IN by jurisdiction overlay 'in-early-v2'", variant.Citation);
        Assert.Equal(BuiltInRules.V2.Clauses.Select(c => c.Id), variant.Clauses.Select(c => c.Id));
        Assert.All(variant.Clauses, c => Assert.EndsWith(
            "Under jurisdiction overlay 'in-early-v2', the clauses of V2 apply to requests from IN from 2018-08-14 to 2024-09-22.", c.Summary, StringComparison.Ordinal));
        Assert.Equal(4, policy.Versions.Count);
        Assert.Equal(3, BuiltInRules.Policy.Versions.Count);
    }

    [Fact]
    public void Evaluate_RequestFromTheCountryInThePeriod_DecidedByTheVariant()
    {
        LegalRequest request = Request("IN", InVariant);

        Decision d = Engine().Evaluate(request);

        Assert.Equal(DecisionOutcome.MayDisclose, d.Outcome);
        Assert.Equal("V2-IN", d.VersionId);
        Reason permit = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect && r.Category == DataCategory.IpAddress);
        Assert.Contains("jurisdiction overlay 'in-early-v2'", permit.Message, StringComparison.Ordinal);
        Obligation report = Assert.Single(d.Obligations);
        Assert.Equal(ReportingCadence.Quarterly, report.ReportEntry!.Cadence);
    }

    [Fact]
    public void Evaluate_RequestFromAnotherCountry_DecidedByTheVersionForEveryone()
    {
        Decision d = Engine().Evaluate(Request("FR", InVariant));

        Assert.Equal("V1", d.VersionId);
        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.NotTerrorSuspect);
    }

    [Fact]
    public void Evaluate_RequestFromTheCountryAfterThePeriod_DecidedByTheVersionForEveryone()
    {
        Decision d = Engine().Evaluate(Request("IN", Some.V2Day));

        Assert.Equal("V2", d.VersionId);
        Assert.Equal(DecisionOutcome.MayDisclose, d.Outcome);
    }

    [Fact]
    public void Evaluate_VariantReadsTheCatalogueOnTheReceiptDate()
    {
        // Item 4 (illegal in most countries) only exists from 2024-09-23, so drug trafficking violated no item in 2022.
        LegalRequest request = Some.With(
            Some.V2Permitted(), jurisdiction: "IN", receivedOn: InVariant, subjects: [new Subject("user:7", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)]);

        Decision d = Engine().Evaluate(request);

        Assert.Equal("V2-IN", d.VersionId);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.ActivityNotTosViolation);
    }

    [Fact]
    public void ApplyTo_UnknownVersion_ThrowsNamingIt()
    {
        var overlay = JurisdictionOverlay.LocalizedVariant("x", "IN", "V9", BuiltInRules.V1Start, null);

        ArgumentException ex = Assert.Throws<ArgumentException>("policy", () => overlay.ApplyTo(BuiltInRules.Policy));

        Assert.Contains("has no version 'V9'; it has V0, V1, V2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_SecondOverlappingVariantForTheCountry_ThrowsRuleDefinitionException()
    {
        var other = JurisdictionOverlay.LocalizedVariant("in-other", "IN", "V1", new LocalDate(2020, 1, 1), null);
        Policy once = IndiaEarlyV2.ApplyTo(BuiltInRules.Policy);

        RuleDefinitionException ex = Assert.Throws<RuleDefinitionException>(() => other.ApplyTo(once));

        Assert.Contains(ex.Problems, p => p.Message.Contains("overlaps V2-IN", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_SaysWhatTheOverlayDoes() =>
        Assert.Equal(
            "jurisdiction overlay 'in-early-v2': the clauses of V2 apply to requests from IN from 2018-08-14 to 2024-09-22.",
            IndiaEarlyV2.ToString());

    [Fact]
    public void Constructor_PeriodEndingBeforeItStarts_Throws() =>
        Assert.Throws<ArgumentException>("effectiveUntil", () => JurisdictionOverlay.LocalizedVariant("x", "IN", "V2", Some.V2Day, Some.V1Day));

    [Fact]
    public void Constructor_InvalidCountry_Throws() =>
        Assert.Throws<ArgumentException>("countries", () => JurisdictionOverlay.LocalizedVariant("x", "India", "V2", Some.V2Day, null));

    private static LegalRequest Request(string country, LocalDate received) => Some.With(
        Some.V2Permitted(), jurisdiction: country, receivedOn: received, subjects: [new Subject("user:7", SubjectStatus.Suspect, OffenceCategory.FraudOrScam)]);

    private static DisclosureEngine Engine() => new(IndiaEarlyV2.ApplyTo(BuiltInRules.Policy), new FakeClock(Engines.DecidedAt));
}
