using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class JurisdictionOverlayTests
{
    private static readonly JurisdictionOverlay[] All =
    [
        JurisdictionOverlay.ProsecutorsAsJudicial("de-prosecutors", ["DE"], [DataCategory.IpAddress]),
        JurisdictionOverlay.AuthorityExclusion("ru-intelligence", ["RU"], [IssuingAuthorityKind.IntelligenceService]),
        JurisdictionOverlay.LocalizedVariant("in-early-v2", "IN", "V2", BuiltInRules.V1Start, BuiltInRules.V2Start.PlusDays(-1)),
    ];

    private static readonly Policy Overlaid = JurisdictionOverlay.Apply(BuiltInRules.Policy, All);

    [Fact]
    public void Apply_NoOverlay_ReturnsThePolicyItself() =>
        Assert.Same(BuiltInRules.Policy, JurisdictionOverlay.Apply(BuiltInRules.Policy, []));

    [Fact]
    public void Apply_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("policy", () => JurisdictionOverlay.Apply(null!, []));
        Assert.Throws<ArgumentNullException>("overlays", () => JurisdictionOverlay.Apply(BuiltInRules.Policy, null!));
        Assert.Throws<ArgumentNullException>("overlays", () => JurisdictionOverlay.Apply(BuiltInRules.Policy, [null!]));
    }

    [Fact]
    public void Apply_LeavesTheGivenPolicyUnchanged()
    {
        Assert.Equal(["V0", "V1", "V2"], BuiltInRules.Policy.Versions.Select(v => v.Id));
        Assert.Equal(BuiltInRules.V2.Clauses.Count, BuiltInRules.Policy.FindVersion("V2")!.Clauses.Count);
        Assert.Equal(["V0", "V1", "V2-IN", "V2"], Overlaid.Versions.Select(v => v.Id));
        Assert.Equal(BuiltInRules.PolicyId, Overlaid.Id);
    }

    [Fact]
    public void Apply_VariantListedLast_StillGetsTheOtherOverlays()
    {
        JurisdictionOverlay[] variantLast = [All[1], All[0], All[2]];

        RuleVersion variant = JurisdictionOverlay.Apply(BuiltInRules.Policy, variantLast).FindVersion("V2-IN")!;

        Assert.Equal("overlay/ru-intelligence/excluded", variant.Clauses[0].Id);
        Assert.Contains("jurisdiction overlay 'de-prosecutors'", variant.Clauses.Single(c => c.Id == "8.3-2024/judicial-authority/overlay/de-prosecutors").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoOverlay_DecisionsEqualTheBuiltIns()
    {
        var engine = new DisclosureEngine(JurisdictionOverlay.Apply(BuiltInRules.Policy, []), new FakeClock(Engines.DecidedAt));
        LegalRequest[] requests =
        [
            Some.V1Permitted(), Some.V2Permitted(),
            Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE"),
            Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.IntelligenceService, jurisdiction: "RU"),
            Some.With(Some.V1Permitted(), jurisdiction: "IN"),
        ];

        foreach (LegalRequest request in requests)
        {
            Assert.Equal(Engines.BuiltIn().Evaluate(request), engine.Evaluate(request));
        }
    }

    [Property(MaxTest = 300)]
    public Property Overlays_RequestsOutsideWhatTheyConcern_DecideAsTheBuiltIns() =>
        Prop.ForAll(Requests().ToArbitrary(), request =>
        {
            Decision builtIn = Engines.BuiltIn().Evaluate(request);
            Decision overlaid = new DisclosureEngine(Overlaid, new FakeClock(Engines.DecidedAt)).Evaluate(request);
            return builtIn.Outcome == overlaid.Outcome
                && builtIn.VersionId == overlaid.VersionId
                && builtIn.Results.SequenceEqual(overlaid.Results)
                && builtIn.Reasons.Select(r => (r.Code, r.ClauseId, r.AccountReference, r.Category))
                    .SequenceEqual(overlaid.Reasons.Select(r => (r.Code, r.ClauseId, r.AccountReference, r.Category)))
                && builtIn.Obligations.SequenceEqual(overlaid.Obligations);
        });

    // Requests of every shape, except the ones an overlay concerns: DE prosecutors, RU intelligence services, and India
    // while the variant is in force.
    private static Gen<LegalRequest> Requests() =>
        from received in Gen.Elements(new LocalDate(2017, 5, 1), Some.V1Day, new LocalDate(2023, 6, 1), Some.V2Day)
        from country in Gen.Elements("FR", "US", "DE", "RU", "IN", "BR")
        from authority in Gen.Elements(Enum.GetValues<IssuingAuthorityKind>().Skip(1).ToArray())
        from instrument in Gen.Elements(InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.EuropeanProductionOrder, InstrumentKind.AdministrativeSubpoena, InstrumentKind.IntelligenceRequest)
        from status in Gen.Elements(SubjectStatus.Suspect, SubjectStatus.Accused, SubjectStatus.Convicted, SubjectStatus.Witness)
        from offence in Gen.Elements(OffenceCategory.Terrorism, OffenceCategory.DrugTrafficking, OffenceCategory.FraudOrScam, OffenceCategory.Defamation)
        from data in Gen.Elements<DataCategory[]>([DataCategory.IpAddress], [DataCategory.PhoneNumber, DataCategory.Contacts], [DataCategory.IpAddress, DataCategory.PhoneNumber])
        from flags in Gen.Choose(0, 31)
        from analysis in Gen.Elements(LegalAnalysisOutcome.Passed, LegalAnalysisOutcome.NotPerformed, LegalAnalysisOutcome.Failed)
        where !(country == "DE" && authority == IssuingAuthorityKind.PublicProsecutor)
            && !(country == "RU" && authority == IssuingAuthorityKind.IntelligenceService)
            && !(country == "IN" && received >= BuiltInRules.V1Start && received < BuiltInRules.V2Start)
        select Some.With(
            Some.V2Permitted(),
            receivedOn: received,
            jurisdiction: country,
            authority: authority,
            instrument: instrument,
            valid: (flags & 1) == 0,
            relevant: (flags & 2) == 0,
            emergency: (flags & 4) != 0,
            preservationOnly: (flags & 8) != 0,
            proceeding: (flags & 16) == 0 ? ProceedingKind.Criminal : ProceedingKind.Civil,
            subjects: [new Subject("user:42", status, offence)],
            data: data,
            analysis: analysis);
}
