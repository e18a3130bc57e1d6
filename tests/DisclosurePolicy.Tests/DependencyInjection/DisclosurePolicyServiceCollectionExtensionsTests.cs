using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.DependencyInjection;

public class DisclosurePolicyServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDisclosurePolicy_NullServices_ThrowsNamingIt()
    {
        Assert.Throws<ArgumentNullException>("services", () => DisclosurePolicyServiceCollectionExtensions.AddDisclosurePolicy(null!));
        Assert.Throws<ArgumentNullException>("services", () => DisclosurePolicyServiceCollectionExtensions.AddDisclosurePolicy(null!, _ => { }));
    }

    [Fact]
    public void AddDisclosurePolicy_NullConfigure_ThrowsNamingIt() =>
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddDisclosurePolicy(null!));

    [Fact]
    public void AddDisclosurePolicy_ReturnsTheSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddDisclosurePolicy());
        Assert.Same(services, services.AddDisclosurePolicy(_ => { }));
    }

    [Fact]
    public void AddDisclosurePolicy_ExpectedServicesResolve()
    {
        using ServiceProvider provider = new ServiceCollection().AddDisclosurePolicy().BuildServiceProvider(validateScopes: true);

        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();

        Assert.Same(engine, provider.GetRequiredService<DisclosureEngine>());
        Assert.NotNull(provider.GetRequiredService<IOptions<DisclosurePolicyOptions>>().Value);
        Assert.Single(provider.GetServices<IValidateOptions<DisclosurePolicyOptions>>(), v => v.GetType().Name == "DisclosurePolicyOptionsValidator");
        Assert.NotNull(provider.GetService<IStartupValidator>());
        Assert.Null(provider.GetService<IClock>());
    }

    [Fact]
    public void AddDisclosurePolicy_Defaults_DecideAsTheBuiltInRulesInUtc()
    {
        using ServiceProvider provider = Services().AddDisclosurePolicy().BuildServiceProvider();

        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();

        Assert.Same(BuiltInRules.Policy, engine.Policy);
        Assert.Equal(DateTimeZone.Utc, engine.Zone);
        foreach (LegalRequest request in new[] { Some.V1Permitted(), Some.V2Permitted(), Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor) })
        {
            Assert.Equal(Engines.BuiltIn().Evaluate(request), engine.Evaluate(request));
        }
    }

    [Fact]
    public void AddDisclosurePolicy_ClockInContainer_StampsDecisions()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 30, 12, 0));
        using ServiceProvider provider = new ServiceCollection().AddSingleton<IClock>(clock).AddDisclosurePolicy().BuildServiceProvider();

        Decision d = provider.GetRequiredService<DisclosureEngine>().Evaluate(Some.V2Permitted());

        Assert.Equal(clock.GetCurrentInstant(), d.DecidedAt);
    }

    [Fact]
    public void AddDisclosurePolicy_NoClockInContainer_UsesTheSystemClock()
    {
        using ServiceProvider provider = new ServiceCollection().AddDisclosurePolicy().BuildServiceProvider();

        Decision d = provider.GetRequiredService<DisclosureEngine>().Evaluate(Some.V2Permitted());

        // The system clock, not a default or fixed instant: it is after this code was written.
        Assert.True(d.DecidedAt > Instant.FromUtc(2026, 1, 1, 0, 0), d.DecidedAt.ToString());
    }

    [Fact]
    public void AddDisclosurePolicy_CalledTwice_RegistersOnce()
    {
        var once = new ServiceCollection().AddDisclosurePolicy();
        var twice = new ServiceCollection().AddDisclosurePolicy().AddDisclosurePolicy();

        Assert.Equal(once.Select(d => d.ServiceType), twice.Select(d => d.ServiceType));
        Assert.Single(twice, d => d.ServiceType == typeof(DisclosureEngine));
        Assert.Single(twice, d => d.ServiceType == typeof(IValidateOptions<DisclosurePolicyOptions>));
        using ServiceProvider provider = twice.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<DisclosureEngine>());
    }

    [Fact]
    public void AddDisclosurePolicy_WithConfigureTwice_AppliesBothActionsButRegistersOnce()
    {
        var services = Services()
            .AddDisclosurePolicy(o => o.TimeZone = "Europe/Paris")
            .AddDisclosurePolicy(o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "ru", Kind = "AuthorityExclusion", Countries = { "RU" } }));

        Assert.Single(services, d => d.ServiceType == typeof(DisclosureEngine));
        using ServiceProvider provider = services.BuildServiceProvider();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        Assert.Equal("Europe/Paris", engine.Zone.Id);
        Assert.Equal(ReasonCodes.JurisdictionExcludedByOverlay, engine.Evaluate(Some.With(Some.V2Permitted(), jurisdiction: "RU")).Reasons[0].Code);
    }

    [Fact]
    public void AddDisclosurePolicy_HostEngineRegisteredFirst_Wins()
    {
        var own = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(Engines.DecidedAt));
        using ServiceProvider provider = new ServiceCollection().AddSingleton(own).AddDisclosurePolicy().BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<DisclosureEngine>());
    }

    [Fact]
    public void AddDisclosurePolicy_HostPolicy_DecidesInsteadOfTheBuiltIns()
    {
        var only = new Policy("host", "Host policy", [BuiltInRules.V2]);
        using ServiceProvider provider = Services().AddDisclosurePolicy(o => o.Policy = only).BuildServiceProvider();

        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();

        Assert.Same(only, engine.Policy);
        Assert.Equal(ReasonCodes.NoVersionInForce, engine.Evaluate(Some.V1Permitted()).Reasons.Single().Code);
    }

    [Fact]
    public void AddDisclosurePolicy_ConfigurationFromJsonFile_BindsOverlaysAndTimeZone()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile(Path.Combine("DependencyInjection", "hosting.json"), optional: false, reloadOnChange: false)
            .Build();
        IServiceCollection services = Services();
        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection("DisclosurePolicy"));
        services.AddDisclosurePolicy();
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        DisclosurePolicyOptions options = provider.GetRequiredService<IOptions<DisclosurePolicyOptions>>().Value;
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();

        Assert.Equal(["de-prosecutors", "ru-intelligence", "in-early-v2"], options.Overlays.Select(o => o.Id));
        Assert.Equal(["IpAddress"], options.Overlays[0].DataCategories);
        Assert.Equal("Europe/Berlin", engine.Zone.Id);
        Assert.Equal(["V0", "V1", "V2-IN", "V2"], engine.Policy.Versions.Select(v => v.Id));

        Decision prosecutor = engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor, jurisdiction: "DE"));
        Assert.Equal(DecisionOutcome.PartiallyPermitted, prosecutor.Outcome);
        Decision intelligence = engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.IntelligenceService, jurisdiction: "RU"));
        Assert.Equal(ReasonCodes.JurisdictionExcludedByOverlay, intelligence.Reasons[0].Code);
        Decision india = engine.Evaluate(Some.With(
            Some.V2Permitted(), jurisdiction: "IN", receivedOn: new LocalDate(2022, 1, 10), subjects: [new Subject("user:7", SubjectStatus.Suspect, OffenceCategory.FraudOrScam)]));
        Assert.Equal("V2-IN", india.VersionId);
        Assert.Equal(DecisionOutcome.MayDisclose, india.Outcome);
    }

    [Fact]
    public void AddDisclosurePolicy_RulesFromJsonFileWithAnOverlay_DecideByThoseRules()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile(Path.Combine("Rules", "acme-rules.json"), optional: false, reloadOnChange: false)
            .Build();
        IServiceCollection services = Services();
        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection("DisclosurePolicy"));
        services.AddDisclosurePolicy(o => o.Overlays.Add(new JurisdictionOverlayOptions
        {
            Id = "fr-prosecutors",
            Kind = JurisdictionOverlayOptions.ProsecutorsAsJudicial,
            Countries = { "FR" },
        }));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        Decision d = engine.Evaluate(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PublicProsecutor));

        Assert.Equal("acme-8.3", engine.Policy.Id);
        Assert.Equal("A1", d.VersionId);
        Assert.Equal([ItemOutcome.Permitted, ItemOutcome.Denied], d.Results.Select(r => r.Outcome));
        Assert.Contains(engine.Policy.Versions[0].Clauses, c => c.Id == "acme/court/overlay/fr-prosecutors");
    }

    [Fact]
    public void AddDisclosurePolicy_InvalidOptions_FailAtStartAndWhenTheEngineIsResolved()
    {
        using ServiceProvider provider = Services().AddDisclosurePolicy(o => o.TimeZone = "Mars/Olympus").BuildServiceProvider();

        OptionsValidationException atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        OptionsValidationException atResolve = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DisclosureEngine>());

        Assert.Equal(["TimeZone = 'Mars/Olympus': not a time zone id of the TZDB, such as UTC or Europe/Berlin"], atStart.Failures);
        Assert.Equal(atStart.Failures, atResolve.Failures);
    }

    [Fact]
    public void NeverPermitted_HostRulesPermitMessageContent_AreRefusedAtStartNamingTheClause()
    {
        Policy permissive = PolicyBuilder.From(BuiltInRules.Policy)
            .ConfigureVersion("V2", v => v.ReplaceClause("8.3-2024/disclose", c => c.Permit("Ok", DataCategory.IpAddress, DataCategory.CloudMessageContent)))
            .Build();
        using ServiceProvider provider = Services().AddDisclosurePolicy(o =>
        {
            o.Policy = permissive;
            o.NeverPermitted.Add(DataCategory.CloudMessageContent);
            o.NeverPermitted.Add(DataCategory.SecretChatContent);
        }).BuildServiceProvider();

        OptionsValidationException refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DisclosureEngine>());

        Assert.Equal(
            ["Policy.versions[V2].clauses[8.3-2024/disclose].categories = 'CloudMessageContent': the clause permits a category the host never permits (NeverPermitted)"],
            refused.Failures);
    }

    [Fact]
    public void NeverPermitted_BuiltInRulesUnderAContentCeiling_StartAndDecideAsBefore()
    {
        using ServiceProvider provider = Services().AddDisclosurePolicy(o =>
        {
            o.NeverPermitted.Add(DataCategory.CloudMessageContent);
            o.NeverPermitted.Add(DataCategory.Media);
        }).BuildServiceProvider();

        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();

        Assert.Equal(DecisionOutcome.MayDisclose, engine.Decide(Some.V2Permitted()));
    }

    [Fact]
    public void NeverPermitted_ACeilingOnTheBuiltInPermits_RefusesTheBuiltInRules()
    {
        using ServiceProvider provider = Services().AddDisclosurePolicy(o => o.NeverPermitted.Add(DataCategory.PhoneNumber)).BuildServiceProvider();

        OptionsValidationException refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DisclosureEngine>());

        Assert.Equal(2, refused.Failures.Count());
        Assert.All(refused.Failures, f => Assert.StartsWith("BuiltInRules.versions[V", f, StringComparison.Ordinal));
        Assert.All(refused.Failures, f => Assert.Contains("= 'PhoneNumber': the clause permits a category the host never permits", f, StringComparison.Ordinal));
    }

    [Fact]
    public void NeverPermitted_BoundFromConfiguration_ReadsTheCategoryNames()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DisclosurePolicy:NeverPermitted:0"] = "CloudMessageContent", ["DisclosurePolicy:NeverPermitted:1"] = "Media" })
            .Build();
        IServiceCollection services = Services();
        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection("DisclosurePolicy"));
        using ServiceProvider provider = services.AddDisclosurePolicy().BuildServiceProvider();

        DisclosurePolicyOptions options = provider.GetRequiredService<IOptions<DisclosurePolicyOptions>>().Value;

        Assert.Equal([DataCategory.CloudMessageContent, DataCategory.Media], options.NeverPermitted);
        Assert.Equal(DecisionOutcome.MayDisclose, provider.GetRequiredService<DisclosureEngine>().Decide(Some.V2Permitted()));
    }

    private static IServiceCollection Services() => new ServiceCollection().AddSingleton<IClock>(new FakeClock(Engines.DecidedAt));
}
