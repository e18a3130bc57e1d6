using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.DependencyInjection;

public class DisclosurePolicyOptionsValidatorTests
{
    private const string Kinds = "accepted: ProsecutorsAsJudicial, AuthorityExclusion, LocalizedVariant";

    // Each case breaks one thing in otherwise valid options.
    private static readonly Dictionary<string, Action<DisclosurePolicyOptions>> Cases = new()
    {
        ["PolicyAndRules"] = o =>
        {
            o.Policy = BuiltInRules.Policy;
            o.Rules = PolicyDefinition.From(BuiltInRules.Policy);
        },
        ["TimeZoneEmpty"] = o => o.TimeZone = " ",
        ["TimeZoneUnknown"] = o => o.TimeZone = "Mars/Olympus",
        ["OverlayMissing"] = o => o.Overlays.Add(null!),
        ["IdMissing"] = o => o.Overlays.Add(Exclusion(null)),
        ["IdRepeated"] = o =>
        {
            o.Overlays.Add(Exclusion("ru"));
            o.Overlays.Add(Exclusion("RU"));
        },
        ["KindMissing"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Countries = { "RU" } }),
        ["KindUnknown"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "Embargo", Countries = { "RU" } }),
        ["CountriesMissing"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "AuthorityExclusion" }),
        ["CountryUnknown"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "AuthorityExclusion", Countries = { "RU", "Russia" } }),
        ["VariantWithTwoCountries"] = o => o.Overlays.Add(Variant(v => v.Countries.Add("BR"))),
        ["DataCategoryUnknown"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "ProsecutorsAsJudicial", Countries = { "DE" }, DataCategories = { "IpAddress", "Emails" } }),
        ["AuthorityByNumber"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "AuthorityExclusion", Countries = { "RU" }, Authorities = { "7" } }),
        ["DataCategoriesOnExclusion"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "AuthorityExclusion", Countries = { "RU" }, DataCategories = { "IpAddress" } }),
        ["AuthoritiesOnProsecutors"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "ProsecutorsAsJudicial", Countries = { "DE" }, Authorities = { "Court" } }),
        ["VersionOnExclusion"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "AuthorityExclusion", Countries = { "RU" }, Version = "V2" }),
        ["EffectiveFromOnExclusion"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "AuthorityExclusion", Countries = { "RU" }, EffectiveFrom = "2020-01-01" }),
        ["EffectiveUntilOnProsecutors"] = o => o.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "ProsecutorsAsJudicial", Countries = { "DE" }, EffectiveUntil = "2020-01-01" }),
        ["VariantWithoutVersion"] = o => o.Overlays.Add(Variant(v => v.Version = null)),
        ["VariantWithUnknownVersion"] = o => o.Overlays.Add(Variant(v => v.Version = "V9")),
        ["VariantWithoutStart"] = o => o.Overlays.Add(Variant(v => v.EffectiveFrom = null)),
        ["VariantStartNotADate"] = o => o.Overlays.Add(Variant(v => v.EffectiveFrom = "14/08/2018")),
        ["VariantEndNotADate"] = o => o.Overlays.Add(Variant(v => v.EffectiveUntil = "2024-02-30")),
        ["VariantEndsBeforeItStarts"] = o => o.Overlays.Add(Variant(v => v.EffectiveUntil = "2018-01-01")),
        ["VariantsOverlap"] = o =>
        {
            o.Overlays.Add(Variant(_ => { }));
            o.Overlays.Add(Variant(v =>
            {
                v.Id = "in-v1";
                v.Version = "V1";
                v.EffectiveFrom = "2020-01-01";
            }));
        },
    };

    [Theory]
    [InlineData("PolicyAndRules", "Rules = 'telegram-privacy-8.3': set either Policy (in code) or Rules (in configuration), not both")]
    [InlineData("TimeZoneEmpty", "TimeZone = ' ': a time zone id is required, such as UTC or Europe/Berlin")]
    [InlineData("TimeZoneUnknown", "TimeZone = 'Mars/Olympus': not a time zone id of the TZDB, such as UTC or Europe/Berlin")]
    [InlineData("OverlayMissing", "Overlays[0]: the overlay is missing")]
    [InlineData("IdMissing", "Overlays[0].Id: the overlay needs an identifier, which its reasons cite")]
    [InlineData("IdRepeated", "Overlays[1].Id = 'RU': the id is already used by Overlays[0]")]
    [InlineData("KindMissing", "Overlays[0].Kind: the kind is required; " + Kinds)]
    [InlineData("KindUnknown", "Overlays[0].Kind = 'Embargo': not a kind of overlay; " + Kinds)]
    [InlineData("CountriesMissing", "Overlays[0].Countries: the overlay needs at least one country (ISO 3166-1 alpha-2 code)")]
    [InlineData("CountryUnknown", "Overlays[0].Countries[1] = 'Russia': not an ISO 3166-1 alpha-2 country code")]
    [InlineData("VariantWithTwoCountries", "Overlays[0].Countries = 'IN, BR': a localized variant applies to exactly one country")]
    [InlineData("DataCategoryUnknown", "Overlays[0].DataCategories[1] = 'Emails': not a data category; accepted: IpAddress, PhoneNumber, LoginEmail, RecoveryEmail, ProfileData, UsernameHistory, DevicesAndApps, ConnectionLogs, Contacts, CloudMessageContent, SecretChatContent, Media, Location, PaymentOrShipping")]
    [InlineData("AuthorityByNumber", "Overlays[0].Authorities[0] = '7': not a kind of issuing authority; accepted: Court, Judge, InvestigatingJudge, PublicProsecutor, GrandJury, PoliceOrLawEnforcementAgency, IntelligenceService, AdministrativeAuthority, CentralAuthority, PrivateParty")]
    [InlineData("DataCategoriesOnExclusion", "Overlays[0].DataCategories = 'IpAddress': only ProsecutorsAsJudicial overlays use this, not AuthorityExclusion overlays")]
    [InlineData("AuthoritiesOnProsecutors", "Overlays[0].Authorities = 'Court': only AuthorityExclusion overlays use this, not ProsecutorsAsJudicial overlays")]
    [InlineData("VersionOnExclusion", "Overlays[0].Version = 'V2': only LocalizedVariant overlays use this, not AuthorityExclusion overlays")]
    [InlineData("EffectiveFromOnExclusion", "Overlays[0].EffectiveFrom = '2020-01-01': only LocalizedVariant overlays use this, not AuthorityExclusion overlays")]
    [InlineData("EffectiveUntilOnProsecutors", "Overlays[0].EffectiveUntil = '2020-01-01': only LocalizedVariant overlays use this, not ProsecutorsAsJudicial overlays")]
    [InlineData("VariantWithoutVersion", "Overlays[0].Version: a localized variant needs the id of the version whose clauses it takes, such as V2")]
    [InlineData("VariantWithUnknownVersion", "Overlays[0].Version = 'V9': the policy telegram-privacy-8.3 has no such version; it has V0, V1, V2")]
    [InlineData("VariantWithoutStart", "Overlays[0].EffectiveFrom: a localized variant needs its first day in force, such as 2018-08-14")]
    [InlineData("VariantStartNotADate", "Overlays[0].EffectiveFrom = '14/08/2018': not a calendar date; expected yyyy-MM-dd, such as 2025-02-10")]
    [InlineData("VariantEndNotADate", "Overlays[0].EffectiveUntil = '2024-02-30': not a calendar date; expected yyyy-MM-dd, such as 2025-02-10")]
    [InlineData("VariantEndsBeforeItStarts", "Overlays[0].EffectiveUntil = '2018-01-01': the variant's period is empty: it ends before it starts (2018-08-14)")]
    [InlineData("VariantsOverlap", "Overlays = '2020-01-01': the policy with its overlays applied is invalid at versions[4].effectiveFrom: the version overlaps V2-IN (versions[2]) from 2020-01-01 to 2024-09-22")]
    public void Validate_OneProblem_FailsWithItsMessage(string problem, string expected)
    {
        OptionsValidationException ex = Resolve(Cases[problem]);

        Assert.Equal([expected], ex.Failures);
        Assert.Equal(typeof(DisclosurePolicyOptions), ex.OptionsType);
    }

    [Fact]
    public void Validate_EveryCaseIsCovered() => Assert.Equal(25, Cases.Count);

    [Fact]
    public void Validate_InvalidRules_ReportsEachProblemOfTheDefinitionWithItsPath()
    {
        PolicyDefinition rules = PolicyDefinition.From(BuiltInRules.Policy);
        rules.Title = null;
        rules.Versions[2].Id = "V1";
        rules.Versions[1].Clauses[4].When = new ConditionDefinition { Fact = "AuthorityKind", In = ["Courtt"] };
        ValidationResult expected = rules.Validate();
        Assert.True(expected.Problems.Count >= 3, expected.ToString());

        OptionsValidationException ex = Resolve(o => o.Rules = rules);

        Assert.Equal(expected.Problems.Select(p => new ValidationProblem($"Rules.{p.Path}", p.Value, p.Message).ToString()), ex.Failures);
        Assert.Contains("Rules.title: the policy needs a title", ex.Failures);
        Assert.Contains(ex.Failures, f => f.StartsWith("Rules.versions[2].id = 'V1': ", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Rules.versions[1].clauses[4].when", StringComparison.Ordinal) && f.Contains("'Courtt'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InvalidRulesAndAVariant_ReportsOnlyTheRulesProblems()
    {
        OptionsValidationException ex = Resolve(o =>
        {
            o.Rules = new PolicyDefinition { Id = "acme", Title = "ACME" };
            o.Overlays.Add(Variant(_ => { }));
        });

        Assert.Equal(["Rules.versions: the policy needs at least one version"], ex.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        OptionsValidationException ex = Resolve(o =>
        {
            o.TimeZone = "Nowhere";
            o.Overlays.Add(new JurisdictionOverlayOptions { Kind = "AuthorityExclusion", Countries = { "XX", "YY" }, Authorities = { "Spies" } });
        });

        Assert.Equal(
            [
                "TimeZone = 'Nowhere': not a time zone id of the TZDB, such as UTC or Europe/Berlin",
                "Overlays[0].Id: the overlay needs an identifier, which its reasons cite",
                "Overlays[0].Countries[0] = 'XX': not an ISO 3166-1 alpha-2 country code",
                "Overlays[0].Countries[1] = 'YY': not an ISO 3166-1 alpha-2 country code",
                "Overlays[0].Authorities[0] = 'Spies': not a kind of issuing authority; accepted: Court, Judge, InvestigatingJudge, PublicProsecutor, GrandJury, PoliceOrLawEnforcementAgency, IntelligenceService, AdministrativeAuthority, CentralAuthority, PrivateParty",
            ],
            ex.Failures);
    }

    [Fact]
    public void Validate_ValidOverlaysOfEveryKind_Succeeds()
    {
        using ServiceProvider provider = Provider(o =>
        {
            o.TimeZone = "Asia/Kolkata";
            o.Overlays.Add(Variant(_ => { }));
            o.Overlays.Add(Exclusion("ru"));
            o.Overlays.Add(new JurisdictionOverlayOptions { Id = "de", Kind = "prosecutorsasjudicial", Countries = { "de" }, DataCategories = { "ipaddress" } });
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(3, provider.GetRequiredService<IOptions<DisclosurePolicyOptions>>().Value.Overlays.Count);
    }

    private static OptionsValidationException Resolve(Action<DisclosurePolicyOptions> configure)
    {
        using ServiceProvider provider = Provider(configure);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DisclosurePolicyOptions>>().Value);
    }

    private static ServiceProvider Provider(Action<DisclosurePolicyOptions> configure) =>
        new ServiceCollection().AddSingleton<IClock>(new FakeClock(Engines.DecidedAt)).AddDisclosurePolicy(configure).BuildServiceProvider();

    private static JurisdictionOverlayOptions Exclusion(string? id) =>
        new() { Id = id, Kind = "AuthorityExclusion", Countries = { "RU" }, Authorities = { "IntelligenceService" } };

    private static JurisdictionOverlayOptions Variant(Action<JurisdictionOverlayOptions> change)
    {
        var variant = new JurisdictionOverlayOptions
        {
            Id = "in-early-v2",
            Kind = "LocalizedVariant",
            Countries = { "IN" },
            Version = "V2",
            EffectiveFrom = "2018-08-14",
            EffectiveUntil = "2024-09-22",
        };
        change(variant);
        return variant;
    }
}
