using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>Policies: choosing the version in force, and validating a definition with every problem reported at its path.</summary>
public class PolicyTests
{
    private static readonly LocalDate Jan2020 = new(2020, 1, 1);
    private static readonly LocalDate Dec2020 = new(2020, 12, 31);
    private static readonly LocalDate Jan2021 = new(2021, 1, 1);

    private static ValidationProblem Single(ValidationResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData(2018, 8, 13, "V0")]
    [InlineData(2018, 8, 14, "V1")]
    [InlineData(2024, 9, 22, "V1")]
    [InlineData(2024, 9, 23, "V2")]
    public void VersionInForceOn_BuiltIn_FollowsTheBoundaries(int year, int month, int day, string expected)
    {
        var date = new LocalDate(year, month, day);

        Assert.Equal(expected, BuiltInRules.Policy.VersionInForceOn(date)!.Id);
        Assert.Equal(expected, BuiltInRules.Policy.VersionInForceOn(date, new Jurisdiction("RU"))!.Id);
    }

    [Theory]
    [InlineData("IN")]
    [InlineData("FR")]
    [InlineData("")]
    public void VersionInForceOn_EveryDayAroundTheBoundaries_IsTheLocalizedVariantInForceElseTheFirstGeneralVersion(string country)
    {
        Policy policy = JurisdictionOverlay.LocalizedVariant("in-early-v2", "IN", "V2", BuiltInRules.V1Start, BuiltInRules.V2Start.PlusDays(-1))
            .ApplyTo(BuiltInRules.Policy);
        var jurisdiction = country.Length == 0 ? default : new Jurisdiction(country);
        for (LocalDate date = new(2016, 1, 1); date <= new LocalDate(2027, 12, 31); date = date.PlusDays(1))
        {
            RuleVersion? expected =
                policy.Versions.FirstOrDefault(v => v.IsInForceOn(date) && v.Jurisdictions.Count > 0 && v.AppliesTo(jurisdiction.Code))
                ?? policy.Versions.FirstOrDefault(v => v.IsInForceOn(date) && v.Jurisdictions.Count == 0);

            Assert.Same(expected, policy.VersionInForceOn(date, jurisdiction));
        }

        Assert.Equal("V0", policy.VersionInForceOn(LocalDate.MinIsoValue, jurisdiction)?.Id);
        Assert.Equal("V2", policy.VersionInForceOn(LocalDate.MaxIsoValue, jurisdiction)?.Id);
    }

    [Fact]
    public void VersionInForceOn_DateInAnotherCalendar_ComparesAsBeforeAndThrows()
    {
        LocalDate julian = new LocalDate(2025, 2, 10).WithCalendar(CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => BuiltInRules.Policy.VersionInForceOn(julian));
    }

    [Fact]
    public void FindVersion_MatchesIdsWithoutRegardToCaseOrSpace()
    {
        Assert.Same(BuiltInRules.V1, BuiltInRules.Policy.FindVersion(" v1 "));
        Assert.Null(BuiltInRules.Policy.FindVersion("V3"));
        Assert.Null(BuiltInRules.Policy.FindVersion(null));
    }

    [Fact]
    public void VersionInForceOn_LocalizedVariant_TakesPrecedenceForItsCountriesOnly()
    {
        RuleVersion general = SomeRules.Version("G", Jan2020);
        RuleVersion india = SomeRules.Version("G-IN", Jan2021, jurisdictions: ["IN"]);
        var policy = new Policy("p", "Policy", [india, general]);

        Assert.Same(india, policy.VersionInForceOn(new LocalDate(2021, 6, 1), new Jurisdiction("in")));
        Assert.Same(general, policy.VersionInForceOn(new LocalDate(2021, 6, 1), new Jurisdiction("DE")));
        Assert.Same(general, policy.VersionInForceOn(new LocalDate(2020, 6, 1), new Jurisdiction("IN")));
        Assert.Same(general, policy.VersionInForceOn(new LocalDate(2021, 6, 1)));
        Assert.Null(policy.VersionInForceOn(new LocalDate(2019, 6, 1)));
        Assert.Equal(["G", "G-IN"], policy.Versions.Select(v => v.Id));
    }

    [Fact]
    public void Validate_BuiltInDefinition_IsValid()
    {
        Assert.True(RuleValidator.Validate("p", "Policy", [BuiltInRules.V0, BuiltInRules.V1, BuiltInRules.V2]).IsValid);
    }

    [Fact]
    public void Validate_EmptyIdTitleAndNoVersion_ReportsEach()
    {
        ValidationResult result = RuleValidator.Validate(" ", null, []);

        Assert.Equal(
            [("id", (string?)" ", "the policy needs an identifier"), ("title", null, "the policy needs a title"), ("versions", null, "the policy needs at least one version")],
            result.Problems.Select(p => (p.Path, p.Value, p.Message)));
    }

    [Fact]
    public void Validate_DuplicateVersionIds_ReportsTheSecond()
    {
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [SomeRules.Version("V1", Jan2020, Dec2020), SomeRules.Version("v1", Jan2021)]));

        Assert.Equal("versions[1].id", problem.Path);
        Assert.Equal("v1", problem.Value);
        Assert.Equal("the id is already used by versions[0]", problem.Message);
    }

    [Fact]
    public void Validate_OverlappingVersions_ReportsTheOverlap()
    {
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2020, Dec2020), SomeRules.Version("B", new LocalDate(2020, 7, 1))]));

        Assert.Equal("versions[1].effectiveFrom", problem.Path);
        Assert.Equal("2020-07-01", problem.Value);
        Assert.Equal("the version overlaps A (versions[0]) from 2020-07-01 to 2020-12-31", problem.Message);
    }

    [Fact]
    public void Validate_ManyCopiesOfOneVersion_ReportsEachCopyOnceAgainstTheFirst()
    {
        // Found by fuzzing (issue 17): 2,000 copies of one version gave two million problems and took minutes to read.
        ValidationResult result = RuleValidator.Validate("p", "P", Enumerable.Repeat(SomeRules.Version("A", Jan2020), 200));

        Assert.Equal(199, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal("the id is already used by versions[0]", p.Message));
        Assert.Equal(Enumerable.Range(1, 199).Select(i => $"versions[{i}].id"), result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_VersionOverlappingTwoEarlierOnes_ReportsTheFirstOverlapOnly()
    {
        RuleVersion first = SomeRules.Version("A", Jan2020, new LocalDate(2020, 6, 30));
        RuleVersion second = SomeRules.Version("B", new LocalDate(2020, 7, 1), Dec2020);

        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [first, second, SomeRules.Version("C", Jan2020)]));

        Assert.Equal("versions[2].effectiveFrom", problem.Path);
        Assert.Equal("the version overlaps A (versions[0]) from 2020-01-01 to 2020-06-30", problem.Message);
    }

    [Fact]
    public void Validate_TwoOpenEndedVersions_Overlap()
    {
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2020), SomeRules.Version("B", Jan2021)]));

        Assert.Equal("the version overlaps A (versions[0]) from 2021-01-01 to open end", problem.Message);
    }

    [Fact]
    public void Validate_VariantsForDifferentCountries_DoNotOverlapButForTheSameCountryDo()
    {
        RuleVersion general = SomeRules.Version("G", Jan2020);
        RuleVersion de = SomeRules.Version("G-DE", Jan2020, jurisdictions: ["DE"]);
        RuleVersion fr = SomeRules.Version("G-FR", Jan2020, jurisdictions: ["FR", "BE"]);
        RuleVersion be = SomeRules.Version("G-BE", Jan2021, jurisdictions: ["BE"]);

        Assert.True(RuleValidator.Validate("p", "P", [general, de, fr]).IsValid);
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [general, de, fr, be]));
        Assert.Equal("versions[3].effectiveFrom", problem.Path);
        Assert.StartsWith("the version overlaps G-FR (versions[2])", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyInterval_ReportsTheEnd()
    {
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2021, Dec2020)]));

        Assert.Equal("versions[0].effectiveUntil", problem.Path);
        Assert.Equal("2020-12-31", problem.Value);
        Assert.Equal("the period is empty: it ends before it starts (2021-01-01)", problem.Message);
    }

    [Fact]
    public void Validate_OneDayInterval_IsValid()
    {
        Assert.True(RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2021, Jan2021)]).IsValid);
    }

    [Fact]
    public void Validate_NoClauses_ReportsTheVersion()
    {
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2020, clauses: [])]));

        Assert.Equal("versions[0].clauses", problem.Path);
        Assert.Equal("the version has no clause; a version that discloses nothing needs an explicit deny clause", problem.Message);
    }

    [Fact]
    public void Validate_DuplicateClauseIds_ReportsTheSecond()
    {
        ValidationProblem problem = Single(RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2020, clauses: [SomeRules.PermitIp("x"), SomeRules.PermitIp("y"), SomeRules.PermitIp("x")])]));

        Assert.Equal("versions[0].clauses[2].id", problem.Path);
        Assert.Equal("x", problem.Value);
        Assert.Equal("the id is already used by clauses[0]", problem.Message);
    }

    [Fact]
    public void Validate_UnknownJurisdictionCodes_ReportsEach()
    {
        ValidationResult result = RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2020, jurisdictions: ["DE", "UK", "XX"])]);

        Assert.Equal(
            [("versions[0].jurisdictions[1]", "UK"), ("versions[0].jurisdictions[2]", "XX")],
            result.Problems.Select(p => (p.Path, p.Value!)));
        Assert.All(result.Problems, p => Assert.Equal("not an ISO 3166-1 alpha-2 country code", p.Message));
    }

    [Fact]
    public void Validate_BlankTextsAndMissingVersion_ReportEachPath()
    {
        var blank = new RuleVersion(
            " ", string.Empty, default, null, " ", string.Empty, (ReportingCadence)9, TosCatalogue.Empty,
            [new Clause(string.Empty, " ", string.Empty, " ", Condition.Always, ClauseEffect.Deny("No"))], null);

        ValidationResult result = RuleValidator.Validate("p", "P", [SomeRules.Version("A", Jan2020), null]);
        ValidationResult blanks = RuleValidator.Validate("p", "P", [blank]);

        Assert.Equal("versions[1]", Single(result).Path);
        Assert.Equal(
            [
                "versions[0].id", "versions[0].title", "versions[0].citation", "versions[0].wording", "versions[0].effectiveFrom",
                "versions[0].cadence", "versions[0].clauses[0].id", "versions[0].clauses[0].citation", "versions[0].clauses[0].wording",
                "versions[0].clauses[0].summary",
            ],
            blanks.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_BadCatalogue_ReportsEntriesAndMappings()
    {
        var catalogue = new TosCatalogue(
            [new TosCatalogueEntry(TosItem.Unspecified, "?", Jan2020, null), new TosCatalogueEntry(TosItem.SpamOrScam, "Spam.", Jan2021, Jan2020)],
            [new OffenceMapping(OffenceCategory.Spam, TosItem.SpamOrScam), new OffenceMapping(OffenceCategory.Spam, TosItem.Unspecified)]);
        var version = new RuleVersion("A", "A", Jan2020, null, "cite", "text", ReportingCadence.None, catalogue, [SomeRules.PermitIp()], null);

        ValidationResult result = RuleValidator.Validate("p", "P", [version]);

        Assert.Equal(
            [
                "versions[0].termsOfService.entries[0].item",
                "versions[0].termsOfService.entries[1].inForceUntil",
                "versions[0].termsOfService.mappings[1].items",
                "versions[0].termsOfService.mappings[1].offence",
            ],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_ManyProblems_AreAllReportedAtOnce()
    {
        RuleVersion[] versions =
        [
            SomeRules.Version("A", Jan2020, Dec2020, clauses: []),
            SomeRules.Version("A", new LocalDate(2021, 6, 1), Jan2021),
            SomeRules.Version("B", new LocalDate(2020, 6, 1)),
            SomeRules.Version("C", new LocalDate(2022, 1, 1), jurisdictions: ["ZZ"]),
        ];

        ValidationResult result = RuleValidator.Validate(string.Empty, "P", versions);

        Assert.Equal(
            [
                "id",
                "versions[0].clauses",
                "versions[1].effectiveUntil",
                "versions[1].id",
                "versions[2].effectiveFrom",
                "versions[3].jurisdictions[0]",
            ],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Constructor_InvalidDefinition_ThrowsListingEveryProblem()
    {
        RuleVersion[] versions = [SomeRules.Version("A", Jan2020, clauses: []), SomeRules.Version("A", Jan2021)];

        RuleDefinitionException error = Assert.Throws<RuleDefinitionException>(() => new Policy("p", "P", versions));

        Assert.Equal(RuleValidator.Validate("p", "P", versions).Problems, error.Problems);
        Assert.Equal(2, error.Problems.Count);
        Assert.StartsWith("The rule definition has 2 problem(s):", error.Message, StringComparison.Ordinal);
        Assert.Contains("versions[0].clauses: the version has no clause", error.Message, StringComparison.Ordinal);
        Assert.Contains("versions[1].id = 'A': the id is already used by versions[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullArgument_Throws()
    {
        Assert.Equal("versions", Assert.Throws<ArgumentNullException>(() => new Policy("p", "P", null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => new Policy(null!, "P", [])).ParamName);
    }

    [Fact]
    public void ToString_ListsTheVersions()
    {
        Assert.StartsWith("telegram-privacy-8.3: V0 (until 2018-08-13): ", BuiltInRules.Policy.ToString(), StringComparison.Ordinal);
    }
}
