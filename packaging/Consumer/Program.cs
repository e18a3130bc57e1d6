using DisclosurePolicy;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

// A host's smallest use of the package: register the engine, describe a request, evaluate it, act on the decision.
var services = new ServiceCollection();
services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2025, 2, 11, 8, 0)));
services.AddDisclosurePolicy(options => options.TimeZone = "Europe/Berlin");
using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();

var request = new LegalRequest
{
    Id = "CONSUMER-1",
    ReceivedOn = new LocalDate(2025, 2, 10),
    Instrument = InstrumentKind.CourtOrder,
    Authority = new IssuingAuthority(IssuingAuthorityKind.Court, "Amtsgericht Berlin-Tiergarten"),
    Jurisdiction = new Jurisdiction("DE"),
    Proceeding = ProceedingKind.Criminal,
    OrderIsValid = true,
    IssuerIsRelevant = true,
    Recipient = RecipientKind.LawEnforcementAuthority,
    Provenance = new Provenance(RequestChannel.LawEnforcementPortal, OriginVerification.VerifiedOutOfBand),
    Subjects = [new Subject("user:42", SubjectStatus.Suspect, OffenceCategory.ChildSexualAbuse)],
    RequestedData = [DataCategory.IpAddress, DataCategory.CloudMessageContent],
    LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Competent court; ToS item 4."),
};

Decision decision = engine.Evaluate(request);
Console.WriteLine(decision.Explain());

// The rules shipped as JSON in the package decide as the built-ins do.
ReadResult<Policy> shipped = PolicyJson.Read(BuiltInRules.Json);

bool expected = decision.Outcome == DecisionOutcome.PartiallyPermitted
    && decision.Results.Single(r => r.Category == DataCategory.IpAddress).Outcome == ItemOutcome.Permitted
    && decision.Results.Single(r => r.Category == DataCategory.CloudMessageContent).Outcome == ItemOutcome.Denied
    && engine.Decide(request) == decision.Outcome
    && shipped.IsValid
    && new DisclosureEngine(shipped.Value!, new FakeClock(decision.DecidedAt)).Evaluate(request).Equals(new DisclosureEngine(BuiltInRules.Policy, new FakeClock(decision.DecidedAt)).Evaluate(request));
Console.WriteLine(expected ? "consumer: package works as expected" : "consumer: UNEXPECTED decision");

// The test kit, as a host's test suite uses it: an exact check, the shipped suite of the built-in versions, a generator.
PolicyAssert.NeverPermits(BuiltInRules.V2, Condition.ProceedingIs(ProceedingKind.Civil));
bool kit = BuiltInCases.Suite.Run().All(r => r.Passed)
    && RequestGenerators.AllNearMisses(BuiltInRules.V2, RequestScope.Everything.WithCountries("DE")).Count > 0;
Console.WriteLine(kit ? "consumer: test kit works as expected" : "consumer: UNEXPECTED test kit result");
return expected && kit ? 0 : 1;
