using System.Diagnostics.Metrics;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>The parts of a decision's explanation, its reasons' equality and the engine's guards that the engine's own
/// decisions under the built-in rules do not reach: a version without a citation, an unknown receipt date, pending and
/// not-applicable reasons, a citation without wording and wording without a citation.</summary>
public class ExplanationDetailTests
{
    private static readonly Instant DecidedAt = Instant.FromUtc(2025, 2, 12, 9, 30);

    private static Reason Reason(string code, ClauseEffectKind effect, string? citation, string? wording, string? account = null, DataCategory? category = null) =>
        new(code, effect, "C1", citation, wording, $"{code} message.", [], account, category);

    private static Decision Pending() => Decision.Owning(
        "REQ-9",
        "DE",
        receivedOn: null,
        DecidedAt,
        DecisionOutcome.PendingLegalAnalysis,
        "H1",
        versionCitation: null,
        [new ItemResult("a", DataCategory.IpAddress, ItemOutcome.PendingLegalAnalysis), new ItemResult("account:long", DataCategory.PhoneNumber, ItemOutcome.NotApplicable)],
        [
            Reason("AnalysisPending", ClauseEffectKind.Pending, "Policy 1", null, "a", DataCategory.IpAddress),
            Reason("OutOfScope", ClauseEffectKind.NotApplicable, null, "only orders", "account:long"),
            Reason("Plain", ClauseEffectKind.Deny, null, null, null, DataCategory.PhoneNumber),
        ],
        []);

    [Fact]
    public void Explain_PendingDecisionOfAHostVersion_NamesEachSectionEffectAndSource()
    {
        string[] lines = Pending().Explain().Split(Environment.NewLine);

        Assert.Equal(
            [
                "Request REQ-9: PENDING LEGAL ANALYSIS: nothing may be disclosed yet",
                "  Rule version: H1",
                "  Jurisdiction: DE; received unknown; decided 2025-02-12T09:30:00Z",
                string.Empty,
                "Items:",
                "  a             IpAddress            PendingLegalAnalysis",
                "  account:long  PhoneNumber          NotApplicable",
                string.Empty,
                "Reasons:",
                "  1. AnalysisPending [pending; a / IpAddress]",
                "     Policy 1",
                "     AnalysisPending message.",
                "  2. OutOfScope [not applicable; account:long]",
                "     : \"only orders\"",
                "     OutOfScope message.",
                "  3. Plain [denies; PhoneNumber]",
                "     Plain message.",
                string.Empty,
            ],
            lines);
    }

    [Fact]
    public void Evaluate_CategoryNoClauseSpeaksTo_DeniedByDefaultWithItsOwnReason()
    {
        // A host version whose one clause permits the IP address: the phone number is refused by no clause, only by default.
        RuleVersion version = SomeRules.Version("H", new LocalDate(2020, 1, 1));
        var engine = new DisclosureEngine(new Policy("host", "Host", [version]), new FakeClock(DecidedAt));

        Decision decision = engine.Evaluate(Some.V2Permitted());

        Assert.Equal(DecisionOutcome.PartiallyPermitted, decision.Outcome);
        Reason byDefault = Assert.Single(decision.Reasons, r => r.Code == ReasonCodes.NoPermittingClause);
        Assert.Equal("No clause of H permits disclosing PhoneNumber, so it is denied by default.", byDefault.Message);
        Assert.Equal(("user:1001", DataCategory.PhoneNumber), (byDefault.AccountReference, byDefault.Category));
        Assert.Equal("Rule (H)", byDefault.Citation);
        Assert.DoesNotContain(decision.Reasons, r => r.Code == ReasonCodes.NoPermittingClause && r.Category == DataCategory.IpAddress);
    }

    [Fact]
    public void Evaluate_NoVersionNamed_DeniedNamingNoVersion()
    {
        Decision byId = Engines.BuiltIn().Evaluate(Some.V2Permitted(), (string?)null);
        Decision byVersion = Engines.BuiltIn().Evaluate(Some.V2Permitted(), (RuleVersion?)null);

        Assert.All([byId, byVersion], decision =>
        {
            Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
            Reason unknown = Assert.Single(decision.Reasons);
            Assert.Equal(ReasonCodes.UnknownVersion, unknown.Code);
            Assert.Equal($"The policy {BuiltInRules.Policy.Id} has no version ''; it has V0, V1, V2.", unknown.Message);
            Assert.Equal(new FactValue("version", string.Empty), Assert.Single(unknown.Facts));
        });
    }

    [Fact]
    public void Equals_ReasonsDifferingInOneMember_AreNotEqual()
    {
        Reason reason = new("Code", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress);
        Reason[] others =
        [
            new("Other", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Permit, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C2", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C1", "Other", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C1", "Cite", "Other", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Other.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "other")], "a", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "b", DataCategory.IpAddress),
            new("Code", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.PhoneNumber),
        ];

        Assert.Equal(reason, new Reason("Code", ClauseEffectKind.Deny, "C1", "Cite", "Words", "Message.", [new FactValue("fact", "value")], "a", DataCategory.IpAddress));
        Assert.All(others, other => Assert.NotEqual(reason, other));
    }

    [Fact]
    public void Constructors_NullArguments_Refused()
    {
        var clock = new FakeClock(DecidedAt);
        Assert.Throws<ArgumentNullException>(() => new Reason(null!, ClauseEffectKind.Deny, null, null, null, "m", [], null, null));
        Assert.Throws<ArgumentNullException>(() => new Reason("c", ClauseEffectKind.Deny, null, null, null, null!, [], null, null));
        Assert.Throws<ArgumentNullException>(() => new Reason("c", ClauseEffectKind.Deny, null, null, null, "m", null!, null, null));
        Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(null!, clock, DateTimeZone.Utc));
        Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(BuiltInRules.Policy, clock, null!));
        Assert.Throws<ArgumentNullException>(() => new RuleSet(null!, DateTimeZone.Utc));
        Assert.Throws<ArgumentNullException>(() => new RuleSet(BuiltInRules.Policy, null!));
        Assert.Throws<ArgumentNullException>(() => new RuleSetSource(null!));
        Assert.Throws<ArgumentNullException>(() => new DecisionInstruments(null!));
        Assert.Throws<ArgumentNullException>(() => DecisionInstruments.From(null!));
        var source = new RuleSetSource(new RuleSet(BuiltInRules.Policy, DateTimeZone.Utc));
        Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(null!, clock, DecisionInstruments.Shared));
        Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(source, null!, DecisionInstruments.Shared));
        Assert.Throws<ArgumentNullException>(() => new DisclosureEngine(source, clock, null!));
        Assert.Throws<ArgumentException>(() => Decision.Owning("r", "DE", null, DecidedAt, DecisionOutcome.Deny, null, null, [], [], []));
    }

    [Fact]
    public void Instruments_OnAHostMeter_DescribedWithUnitsAndVersion()
    {
        using var meter = new Meter("DisclosurePolicy.Tests.Instruments");
        var seen = new List<Instrument>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, _) => { if (instrument.Meter == meter) { seen.Add(instrument); } } };
        listener.Start();

        _ = new DecisionInstruments(meter);

        Assert.Collection(
            seen.OrderBy(i => i.Name, StringComparer.Ordinal),
            decisions =>
            {
                Assert.Equal(DisclosureTelemetry.DecisionsCounterName, decisions.Name);
                Assert.Equal("{decision}", decisions.Unit);
                Assert.Equal("Decisions made, by rule version and outcome.", decisions.Description);
            },
            reloads =>
            {
                Assert.Equal(DisclosureTelemetry.RuleReloadsCounterName, reloads.Name);
                Assert.Equal("{reload}", reloads.Unit);
                Assert.Equal("Reloads of the rules, accepted or refused.", reloads.Description);
            });
    }

    [Fact]
    public void Constructor_NoReasons_RefusedNamingTheRule()
    {
        ArgumentException refused = Assert.Throws<ArgumentException>("reasons", () => new Decision(
            "REQ-1", "FR", Some.V2Day, DecidedAt, DecisionOutcome.Deny, null, null, [], [], []));

        Assert.StartsWith("A decision needs at least one reason.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoPendingClausesFireForOneItem_BothGiveReasonsAndTheAnalysisCitesTheFirst()
    {
        Clause first = new("h/first", "Rule 1", "first wording", "The first hold.", Condition.Always, ClauseEffect.Pending("FirstHold"));
        Clause second = new("h/second", "Rule 2", "second wording", "The second hold.", Condition.Always, ClauseEffect.Pending("SecondHold"));
        var engine = new DisclosureEngine(
            new Policy("host", "Host", [SomeRules.Version("H", new LocalDate(2020, 1, 1), clauses: [first, second])]), new FakeClock(DecidedAt));

        Decision decision = engine.Evaluate(Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress]));

        Assert.Equal(DecisionOutcome.PendingLegalAnalysis, decision.Outcome);
        Assert.Equal(["FirstHold", "SecondHold"], decision.Reasons.Where(r => r.Effect == ClauseEffectKind.Pending).Select(r => r.Code));
        Obligation analysis = Assert.Single(decision.Obligations);
        Assert.Equal((ObligationKind.PerformLegalAnalysis, "Rule 1"), (analysis.Kind, analysis.Citation));
    }

    [Fact]
    public void Evaluate_InvalidRequest_KeepsTheReceiptDateItHasAndNoneItLacks()
    {
        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(DecidedAt));
        LegalRequest noSubjects = Some.With(Some.V2Permitted(), subjects: []);
        LegalRequest noDate = Some.With(noSubjects, receivedOn: default(LocalDate));

        Decision dated = engine.Evaluate(noSubjects);
        Decision undated = engine.Evaluate(noDate);

        Assert.Equal((DecisionOutcome.Deny, ReasonCodes.InsufficientInformation), (dated.Outcome, dated.Reasons[0].Code));
        Assert.Equal(Some.V2Day, dated.ReceivedOn);
        Assert.Equal((DecisionOutcome.Deny, ReasonCodes.InsufficientInformation), (undated.Outcome, undated.Reasons[0].Code));
        Assert.Null(undated.ReceivedOn);
    }

    [Fact]
    public void Evaluate_PermitUnderAVersionWithoutCadence_ObligationSaysItSetsNoPeriod()
    {
        RuleVersion version = SomeRules.Version("H", new LocalDate(2020, 1, 1), cadence: ReportingCadence.None);
        var engine = new DisclosureEngine(new Policy("host", "Host", [version]), new FakeClock(DecidedAt));

        Decision decision = engine.Evaluate(Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress]));

        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        Obligation report = Assert.Single(decision.Obligations, o => o.Kind == ObligationKind.RecordInTransparencyReport);
        Assert.Equal(
            "Record the disclosure in the transparency report (the version sets no reporting period): FR, 1 fulfilled request, 1 affected user(s).",
            report.Description);
        Assert.NotNull(report.ReportEntry);
        Assert.Null(report.ReportEntry.Period);
        Assert.Equal(ReportingCadence.None, report.ReportEntry.Cadence);
    }

    [Fact]
    public void Evaluate_ClauseTestingTheJurisdiction_ListsTheCountryAmongItsFacts()
    {
        Clause refuseFrance = new("h/fr", "Rule 1", "not France", "Refuses France.", Condition.JurisdictionIs("FR"), ClauseEffect.Deny("NotFrance"));
        var engine = new DisclosureEngine(
            new Policy("host", "Host", [SomeRules.Version("H", new LocalDate(2020, 1, 1), clauses: [refuseFrance, SomeRules.PermitIp()])]),
            new FakeClock(DecidedAt));

        Decision decision = engine.Evaluate(Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress]));

        Reason refused = Assert.Single(decision.Reasons, r => r.Code == "NotFrance");
        FactValue country = Assert.Single(refused.Facts);
        Assert.Equal("FR", country.Value);
        Assert.Contains("jurisdiction", country.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Evaluate_UnconditionalClause_ListsNoFacts()
    {
        Clause refuseAll = new("h/none", "Rule 1", "nothing", "Refuses every request.", Condition.Always, ClauseEffect.Deny("NothingDisclosed"));
        var engine = new DisclosureEngine(
            new Policy("host", "Host", [SomeRules.Version("H", new LocalDate(2020, 1, 1), clauses: [refuseAll])]), new FakeClock(DecidedAt));

        Decision decision = engine.Evaluate(Some.V2Permitted());

        Reason refused = Assert.Single(decision.Reasons, r => r.Code == "NothingDisclosed");
        Assert.Empty(refused.Facts);
        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
    }
}
