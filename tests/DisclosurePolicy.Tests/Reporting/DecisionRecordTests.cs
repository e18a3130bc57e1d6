using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public class DecisionRecordTests
{
    [Fact]
    public void Create_PermittedV2Decision_PinsVersionHashAndCadence()
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted());

        Assert.Equal("REQ-2025-001", record.RequestId);
        Assert.Equal("V2", record.VersionId);
        Assert.Equal(RuleVersionHash.Compute(BuiltInRules.V2), record.VersionContentHash);
        Assert.Equal(ReportingCadence.Quarterly, record.VersionCadence);
        Assert.Equal(DecisionOutcome.MayDisclose, record.Outcome);
        Assert.Equal("FR", record.Jurisdiction);
        Assert.Equal(InstrumentKind.CourtOrder, record.Instrument);
        Assert.Equal(Engines.DecidedAt, record.DecidedAt);
    }

    [Fact]
    public void Decide_RulesReloadDuringTheDecision_PinsTheVersionThatDecided()
    {
        // Found by the soak of issue 17: Evaluate, then engine.Policy.FindVersion, pinned a decision of the host's rules to
        // the version of the same id in the rules reloaded meanwhile (another hash, rules that decide otherwise).
        const string Before = """{ "DisclosurePolicy": { "Rules": { "id": "p", "title": "P", "versions": [ VERSION ] } } }""";
        string version = """
            { "id": "A1", "title": "A1", "effectiveFrom": "2025-01-01", "citation": "c", "wording": "w", "cadence": "Quarterly", "clauses": [
              { "id": "a/ru", "citation": "c", "wording": "w", "summary": "s", "when": { "jurisdictions": [ "RU" ] }, "effect": "Deny", "reasonCode": "Excluded" },
              { "id": "a/ip", "citation": "c", "wording": "w", "summary": "s", "when": { "always": true }, "effect": "Permit", "reasonCode": "Ok", "categories": [ "IpAddress" ] } ] }
            """;
        var clock = new ReloadingClock(Instant.FromUtc(2025, 3, 1, 12, 0));
        var configuration = new Soak.SwitchableConfiguration();
        configuration.Switch(Before.Replace("VERSION", version, StringComparison.Ordinal));
        IConfigurationRoot root = new ConfigurationBuilder().Add(configuration).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddOptions<DisclosurePolicyOptions>().Bind(root.GetSection("DisclosurePolicy"));
        services.AddDisclosurePolicy();
        using ServiceProvider provider = services.BuildServiceProvider();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        RuleVersion deciding = engine.Policy.FindVersion("A1")!;
        LegalRequest request = Some.With(Some.V2Permitted(), jurisdiction: "BY", data: [DataCategory.IpAddress]);

        // The edit keeps the id A1 and refuses Belarus too: only the hash tells the two versions apart.
        clock.OnNextRead(() => configuration.Switch(Before.Replace("VERSION", version.Replace("[ \"RU\" ]", "[ \"RU\", \"BY\" ]", StringComparison.Ordinal), StringComparison.Ordinal)));
        DecisionRecord record = DecisionRecord.Decide(engine, request, Instant.FromUtc(2025, 2, 10, 8, 0));

        Assert.NotEqual(deciding.ContentHash, engine.Policy.FindVersion("A1")!.ContentHash);
        Assert.Equal(DecisionOutcome.MayDisclose, record.Outcome);
        Assert.Equal("A1", record.VersionId);
        Assert.Equal(deciding.ContentHash, record.VersionContentHash);
        Assert.Equal(DecisionOutcome.Deny, engine.Evaluate(request).Outcome);
    }

    [Fact]
    public void Decide_NullArguments_Throw()
    {
        DisclosureEngine engine = new(BuiltInRules.Policy, new NodaTime.Testing.FakeClock(Instant.FromUtc(2025, 3, 1, 12, 0)));

        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => DecisionRecord.Decide(null!, Some.V2Permitted(), Instant.MinValue)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => DecisionRecord.Decide(engine, null!, Instant.MinValue)).ParamName);
    }

    [Fact]
    public void Create_NoVersionApplied_HasNoHash()
    {
        LegalRequest invalid = Some.With(Some.V2Permitted(), jurisdiction: "XX", receivedOn: default(LocalDate));
        Decision decision = Engines.BuiltIn().Evaluate(invalid);

        DecisionRecord record = DecisionRecord.Create(invalid, Instant.FromUtc(2025, 2, 1, 0, 0), decision, null);

        Assert.Null(record.VersionId);
        Assert.Null(record.VersionContentHash);
        Assert.Equal(ReportingCadence.None, record.VersionCadence);
        Assert.Equal(DecisionOutcome.Deny, record.Outcome);
    }

    [Fact]
    public void Create_InconsistentParts_ListsEveryProblem()
    {
        LegalRequest request = Some.V2Permitted();
        Decision decisionOnOther = Engines.BuiltIn().Evaluate(Some.With(request, id: "OTHER", jurisdiction: "DE"));

        ArgumentException ex = Assert.Throws<ArgumentException>(() =>
            DecisionRecord.Create(request, Engines.DecidedAt + Duration.FromHours(1), decisionOnOther, BuiltInRules.V1));

        Assert.Contains("the decision is about request 'OTHER', not 'REQ-2025-001'", ex.Message);
        Assert.Contains("the decision names jurisdiction 'DE', the request 'FR'", ex.Message);
        Assert.Contains("precedes the receipt of the request", ex.Message);
        Assert.Contains("the version given ('V1', Privacy Policy 8.3 (2018-08-14)) is not the one the decision names ('V2'", ex.Message);
    }

    [Fact]
    public void Create_VersionMissingForDecisionWithVersion_Refused()
    {
        Decision decision = Engines.BuiltIn().Evaluate(Some.V2Permitted());

        ArgumentException ex = Assert.Throws<ArgumentException>(() => DecisionRecord.Create(Some.V2Permitted(), Instant.FromUtc(2025, 2, 10, 0, 0), decision, null));

        Assert.Contains("was made under version 'V2', but no version was given to hash", ex.Message);
    }

    [Fact]
    public void Create_RequestTheFormatCannotHold_RefusedWithThePath()
    {
        LegalRequest unspecified = Some.With(Some.V2Permitted(), instrument: InstrumentKind.Unspecified);
        Decision decision = Engines.BuiltIn().Evaluate(unspecified);

        ArgumentException ex = Assert.Throws<ArgumentException>(() =>
            DecisionRecord.Create(unspecified, Instant.FromUtc(2025, 2, 10, 0, 0), decision, BuiltInRules.Policy.FindVersion(decision.VersionId)));

        Assert.Contains("the request format cannot hold it: request.instrument = 'Unspecified': not a known InstrumentKind; accepted: ", ex.Message);
    }

    [Fact]
    public void Create_SeveralPartsTheFormatCannotHold_ListsEach()
    {
        LegalRequest broken = new()
        {
            Id = "BROKEN-1",
            ReceivedOn = Some.V2Day,
            Instrument = InstrumentKind.CourtOrder,
            Authority = null!,
            Jurisdiction = new Jurisdiction("FR"),
            Proceeding = ProceedingKind.Criminal,
            Recipient = RecipientKind.LawEnforcementAuthority,
            Provenance = new Provenance(RequestChannel.Email, (OriginVerification)42),
            Subjects = [new Subject("user:1", SubjectStatus.Suspect, OffenceCategory.Unspecified)],
            RequestedData = [DataCategory.IpAddress, (DataCategory)99],
        };
        Decision decision = Engines.BuiltIn().Evaluate(broken);

        ArgumentException ex = Assert.Throws<ArgumentException>(() =>
            DecisionRecord.Create(broken, Instant.FromUtc(2025, 2, 10, 0, 0), decision, BuiltInRules.Policy.FindVersion(decision.VersionId)));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Contains("request.authority.kind: required field is missing", ex.Message);
        Assert.Contains("request.provenance.verification = '42': not a known OriginVerification", ex.Message);
        Assert.Contains("request.subjects[0].offences[0] = 'Unspecified': not a known OffenceCategory", ex.Message);
        Assert.Contains("request.requestedData[1] = '99': not a known DataCategory", ex.Message);
    }

    [Fact]
    public void Create_BlankIdMissingSubjectAndAccount_EachRefused()
    {
        LegalRequest gaps = new()
        {
            Id = " ",
            ReceivedOn = Some.V2Day,
            Instrument = InstrumentKind.CourtOrder,
            Authority = new IssuingAuthority(IssuingAuthorityKind.Court, null),
            Jurisdiction = new Jurisdiction("FR"),
            Proceeding = ProceedingKind.Criminal,
            Recipient = RecipientKind.LawEnforcementAuthority,
            Provenance = new Provenance(RequestChannel.Email, OriginVerification.VerifiedOutOfBand),
            Subjects = [null!, new Subject(null!, SubjectStatus.Suspect, OffenceCategory.Terrorism)],
            RequestedData = [DataCategory.IpAddress],
        };
        Decision decision = Engines.BuiltIn().Evaluate(gaps);

        ArgumentException ex = Assert.Throws<ArgumentException>(() =>
            DecisionRecord.Create(gaps, Instant.FromUtc(2025, 2, 10, 0, 0), decision, BuiltInRules.Policy.FindVersion(decision.VersionId)));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Contains("request.subjects[0] = 'null': expected a JSON object, found null", ex.Message);
        Assert.Contains("request.subjects[1].accountReference: required field is missing", ex.Message);
        Assert.Contains("the request has no id", ex.Message);
    }

    [Fact]
    public void IsSameDecisionAs_OnlyDecidedAtDiffers_True()
    {
        DecisionRecord first = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 9));
        DecisionRecord retry = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 2, 12, 17), receivedAt: first.ReceivedAt);

        Assert.True(first.IsSameDecisionAs(retry));
        Assert.Empty(first.DifferencesFrom(retry));
        Assert.NotEqual(first, retry);
    }

    [Fact]
    public void DifferencesFrom_AnotherPeriodAndOutcome_NamesTheMembers()
    {
        DecisionRecord first = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 3, 31, 9));
        DecisionRecord nextQuarter = Recorded.Of(Some.V2Permitted(), Recorded.Utc(2025, 4, 1, 9), receivedAt: first.ReceivedAt);
        DecisionRecord denied = Recorded.Of(Some.With(Some.V2Permitted(), valid: false), Recorded.Utc(2025, 3, 31, 9), receivedAt: first.ReceivedAt);

        Assert.Equal(["obligations"], first.DifferencesFrom(nextQuarter));
        Assert.Equal(["outcome", "results", "reasons", "obligations", "request"], first.DifferencesFrom(denied));
    }
}
