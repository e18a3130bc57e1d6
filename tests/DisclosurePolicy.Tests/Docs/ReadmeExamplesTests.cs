using System.Text;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static DisclosurePolicy.Rules.Condition;

namespace DisclosurePolicy.Tests.Docs;

/// <summary>The README's examples, compiled and checked, so the front page cannot drift from the code.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void EvaluatingARequest_AsWrittenInTheReadme_DecidesAsTheReadmeSays()
    {
        var request = new LegalRequest
        {
            Id = "FR-PJ-2025-00417",
            ReceivedOn = new LocalDate(2025, 2, 10),
            Instrument = InstrumentKind.CourtOrder,
            Authority = new IssuingAuthority(IssuingAuthorityKind.InvestigatingJudge, "Tribunal judiciaire de Paris"),
            Jurisdiction = new Jurisdiction("FR"),
            Proceeding = ProceedingKind.Criminal,
            OrderIsValid = true,
            IssuerIsRelevant = true,
            Recipient = RecipientKind.LawEnforcementAuthority,
            Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
            Subjects = [new Subject("user:5830017722", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)],
            RequestedData = [DataCategory.IpAddress, DataCategory.CloudMessageContent],
            LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Competent judge; ToS item 4."),
        };

        var engine = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Instant.FromUtc(2025, 2, 11, 8, 0)));
        Decision decision = engine.Evaluate(request);
        Decision under2018 = engine.Evaluate(request, "V1");
        DecisionOutcome outcome = engine.Decide(request);

        Assert.Equal("V2", decision.VersionId);
        Assert.Equal(DecisionOutcome.PartiallyPermitted, decision.Outcome);
        Assert.Equal(ItemOutcome.Permitted, decision.Results[0].Outcome);
        Assert.Equal(ItemOutcome.Denied, decision.Results[1].Outcome);
        Assert.Contains(decision.Reasons, r => r.Code == ReasonCodes.DataCategoryNotDisclosable && r.Wording == "your IP address and phone number");
        Obligation report = Assert.Single(decision.Obligations);
        Assert.Equal(ObligationKind.RecordInTransparencyReport, report.Kind);
        Assert.Equal(1, report.ReportEntry!.AffectedUsers);
        Assert.Equal(DecisionOutcome.Deny, under2018.Outcome);
        Assert.Contains(under2018.Reasons, r => r.Code == ReasonCodes.NotTerrorSuspect);
        Assert.Equal(decision.Outcome, outcome);
        Assert.Contains("your IP address and phone number", decision.Explain());
    }

    [Fact]
    public void WritingYourOwnRules_BuilderAndJsonOfTheReadme_DescribeTheSamePolicy()
    {
        Policy policy = new PolicyBuilder("acme-8.3", "ACME Privacy Policy 8.3")
            .AddVersion("A1", v => v
                .Titled("Valid court orders")
                .EffectiveFrom(new LocalDate(2025, 1, 1))
                .Citation("ACME Privacy Policy 8.3 (2025-01-01)")
                .Wording("If ACME receives a valid court order, we may disclose your IP address.")
                .Cadence(ReportingCadence.Quarterly)
                .Clause("acme/court", c => c
                    .Citation("ACME Privacy Policy 8.3 (2025-01-01)")
                    .Wording("a valid court order")
                    .Summary("The order must come from a court or a judge and be valid.")
                    .When(Not(All(AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge), IsTrue(Fact.OrderValid))))
                    .Deny("NotAValidCourtOrder"))
                .Clause("acme/disclose", c => c
                    .Citation("ACME Privacy Policy 8.3 (2025-01-01)")
                    .Wording("we may disclose your IP address")
                    .Summary("The IP address may be disclosed.")
                    .When(Always)
                    .Permit("ValidCourtOrder", DataCategory.IpAddress)))
            .Build();
        const string Json = """
            {
              "id": "acme-8.3",
              "title": "ACME Privacy Policy 8.3",
              "versions": [
                {
                  "id": "A1",
                  "title": "Valid court orders",
                  "effectiveFrom": "2025-01-01",
                  "citation": "ACME Privacy Policy 8.3 (2025-01-01)",
                  "wording": "If ACME receives a valid court order, we may disclose your IP address.",
                  "cadence": "Quarterly",
                  "clauses": [
                    {
                      "id": "acme/court",
                      "citation": "ACME Privacy Policy 8.3 (2025-01-01)",
                      "wording": "a valid court order",
                      "summary": "The order must come from a court or a judge and be valid.",
                      "when": { "not": { "all": [
                        { "fact": "AuthorityKind", "in": [ "Court", "Judge" ] },
                        { "fact": "OrderValid", "in": [ "yes" ] }
                      ] } },
                      "effect": "Deny",
                      "reasonCode": "NotAValidCourtOrder"
                    },
                    {
                      "id": "acme/disclose",
                      "citation": "ACME Privacy Policy 8.3 (2025-01-01)",
                      "wording": "we may disclose your IP address",
                      "summary": "The IP address may be disclosed.",
                      "when": { "always": true },
                      "effect": "Permit",
                      "reasonCode": "ValidCourtOrder",
                      "categories": [ "IpAddress" ]
                    }
                  ]
                }
              ]
            }
            """;

        ReadResult<Policy> read = PolicyJson.Read(Json);

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal(PolicyJson.Write(policy), PolicyJson.Write(read.Value!));
        var engine = new DisclosureEngine(policy, new FakeClock(Engines.DecidedAt));
        Decision decision = engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.Judge, data: [DataCategory.IpAddress]));
        Assert.Equal(DecisionOutcome.MayDisclose, decision.Outcome);
        Assert.Equal("ValidCourtOrder", Assert.Single(decision.Reasons).Code);

        Policy withVariant = PolicyBuilder.From(BuiltInRules.Policy)
            .AddVersion(RuleVersionBuilder.From(BuiltInRules.V2)
                .WithId("V2-DE")
                .Titled("V2 for Germany: public prosecutors count as judicial authorities")
                .ForJurisdictions("DE")
                .ReplaceClause("8.3-2024/judicial-authority", c => c
                    .Summary("The order must be issued by a court, a judge, an investigating judge or a public prosecutor.")
                    .When(Not(All(
                        AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge,
                            IssuingAuthorityKind.InvestigatingJudge, IssuingAuthorityKind.PublicProsecutor),
                        InstrumentIs(InstrumentKind.CourtOrder, InstrumentKind.EuropeanProductionOrder))))))
            .Build();
        LegalRequest fromProsecutor = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE");
        Decision german = new DisclosureEngine(withVariant, new FakeClock(Engines.DecidedAt)).Evaluate(fromProsecutor);
        Assert.Equal(("V2-DE", DecisionOutcome.MayDisclose), (german.VersionId, german.Outcome));
    }

    [Fact]
    public void HostingWithDependencyInjection_ConfigurationOfTheReadme_AppliesEveryOverlay()
    {
        const string Json = """
            {
              "DisclosurePolicy": {
                "TimeZone": "Europe/Berlin",
                "Overlays": [
                  { "Id": "de-prosecutors", "Kind": "ProsecutorsAsJudicial", "Countries": [ "DE" ], "DataCategories": [ "IpAddress" ] },
                  { "Id": "ru-intelligence", "Kind": "AuthorityExclusion", "Countries": [ "RU" ], "Authorities": [ "IntelligenceService" ] },
                  { "Id": "in-early-v2", "Kind": "LocalizedVariant", "Countries": [ "IN" ], "Version": "V2",
                    "EffectiveFrom": "2018-08-14", "EffectiveUntil": "2024-09-22" }
                ]
              }
            }
            """;
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Engines.DecidedAt));

        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection("DisclosurePolicy"));
        services.AddDisclosurePolicy();

        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        Assert.Equal("Europe/Berlin", engine.Zone.Id);
        Assert.Equal(["V0", "V1", "V2-IN", "V2"], engine.Policy.Versions.Select(v => v.Id));
        Decision prosecutor = engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE"));
        Assert.Equal([ItemOutcome.Permitted, ItemOutcome.Denied], prosecutor.Results.Select(r => r.Outcome));
        Decision intelligence = engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.IntelligenceService, jurisdiction: "RU"));
        Assert.Equal(ReasonCodes.JurisdictionExcludedByOverlay, intelligence.Reasons[0].Code);
        Assert.Contains("jurisdiction overlay 'ru-intelligence'", intelligence.Reasons[0].Message, StringComparison.Ordinal);
    }
}
