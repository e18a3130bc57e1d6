using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using Xunit;
using static DisclosurePolicy.Tests.Support.Definitions;

namespace DisclosurePolicy.Tests.Rules;

public partial class PolicyDefinitionTests
{
    private const string AllFacts =
        "accepted: Instrument, AuthorityKind, Jurisdiction, EuMemberState, Proceeding, OrderValid, IssuerRelevant, Recipient, " +
        "OriginVerification, PreservationOnly, EmergencyClaim, LegalAnalysis, SubjectStatus, Offences, TosItems, DataCategory";

    [Fact]
    public void Validate_ValidDefinition_ReportsNothing()
    {
        ValidationResult result = Valid().Validate();

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_MissingPolicyId_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Id = " ";

        AssertSingle(d, "id", "the policy needs an identifier");
    }

    [Fact]
    public void Validate_NoVersion_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions.Clear();

        AssertSingle(d, "versions", "the policy needs at least one version");
    }

    [Fact]
    public void Validate_UnknownFact_ReportsItWithTheAcceptedNames()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition { Not = Fact("Issuer", "Court") };

        ValidationProblem problem = AssertSingle(d, "versions[0].clauses[0].when.not.fact", "not a known fact; " + AllFacts);
        Assert.Equal("Issuer", problem.Value);
    }

    [Fact]
    public void Validate_UnknownFactValue_ReportsItWithTheAcceptedValues()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition { Not = Fact("AuthorityKind", "Court", "Magistrate") };

        ValidationProblem problem = AssertSingle(
            d,
            "versions[0].clauses[0].when.not.in[1]",
            "not a value of AuthorityKind; accepted: Court, Judge, InvestigatingJudge, PublicProsecutor, GrandJury, " +
            "PoliceOrLawEnforcementAgency, IntelligenceService, AdministrativeAuthority, CentralAuthority, PrivateParty");
        Assert.Equal("Magistrate", problem.Value);
    }

    [Fact]
    public void Validate_FactTestWithoutValues_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition { Fact = "OrderValid" };

        AssertSingle(d, "versions[0].clauses[0].when.in", "a fact test needs at least one value in 'in'; accepted: yes, no");
    }

    [Fact]
    public void Validate_UnknownEffect_ReportsItWithTheAcceptedEffects()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].Effect = "Refuse";

        AssertSingle(d, "versions[0].clauses[0].effect", "not a known effect; accepted: Deny, NotApplicable, Pending, Permit");
    }

    [Fact]
    public void Validate_UnknownDataCategory_ReportsItWithTheAcceptedCategories()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[1].Categories = ["IpAddress", "IPv6Address"];

        ValidationProblem problem = AssertSingle(d, "versions[0].clauses[1].categories[1]", "not a known DataCategory; accepted: IpAddress, PhoneNumber,");
        Assert.Equal("IPv6Address", problem.Value);
    }

    [Fact]
    public void Validate_UnknownCadence_ReportsItWithTheAcceptedCadences()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Cadence = "Monthly";

        AssertSingle(d, "versions[0].cadence", "not a known ReportingCadence; accepted: None, SemiAnnual, Quarterly");
    }

    [Fact]
    public void Validate_UnreadableDate_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].EffectiveFrom = "2025-02-30";

        ValidationProblem problem = AssertSingle(d, "versions[0].effectiveFrom", "not a calendar date; expected yyyy-MM-dd, such as 2025-02-10");
        Assert.Equal("2025-02-30", problem.Value);
    }

    [Fact]
    public void Validate_EmptyInterval_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].EffectiveUntil = "2024-12-31";

        AssertSingle(d, "versions[0].effectiveUntil", "the period is empty: it ends before it starts (2025-01-01)");
    }

    [Fact]
    public void Validate_OverlappingVersions_ReportsTheOverlap()
    {
        PolicyDefinition d = Valid();
        d.Versions.Add(Version("A2", "2025-06-01", null));

        AssertSingle(d, "versions[1].effectiveFrom", "the version overlaps A1 (versions[0]) from 2025-06-01 to open end");
    }

    [Fact]
    public void Validate_VersionWithoutClause_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses.Clear();

        AssertSingle(d, "versions[0].clauses", "the version has no clause; a version that discloses nothing needs an explicit deny clause");
    }

    [Fact]
    public void Validate_MissingClauseCitation_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[1].Citation = null;

        AssertSingle(d, "versions[0].clauses[1].citation", "the clause needs a citation");
    }

    [Fact]
    public void Validate_MissingVersionCitation_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Citation = "";

        AssertSingle(d, "versions[0].citation", "the version needs a citation of its source");
    }

    [Fact]
    public void Validate_MissingCondition_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = null;

        AssertSingle(d, "versions[0].clauses[0].when", "the clause needs a condition; a clause that always fires says so ({ \"always\": true } in a file, Condition.Always in code)");
    }

    [Fact]
    public void Validate_EmptyCondition_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition();

        AssertSingle(d, "versions[0].clauses[0].when", "the condition is empty; give exactly one of: always, all, any, not, fact (with in), jurisdictions");
    }

    [Fact]
    public void Validate_ConditionMixingForms_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition { All = [Fact("OrderValid", "no")], Fact = "OrderValid", In = ["no"] };

        AssertSingle(d, "versions[0].clauses[0].when", "the condition mixes all, fact; give exactly one of:");
    }

    [Fact]
    public void Validate_AlwaysNeitherTrueNorFalse_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[1].When = new ConditionDefinition { Always = "yes" };

        ValidationProblem problem = AssertSingle(d, "versions[0].clauses[1].when.always", "expected true (always holds) or false (never holds)");
        Assert.Equal("yes", problem.Value);
    }

    [Fact]
    public void Validate_PermitWithoutCategories_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[1].Categories = [];

        AssertSingle(d, "versions[0].clauses[1].categories", "a permit needs at least one data category; accepted: IpAddress,");
    }

    [Fact]
    public void Validate_CategoriesOnDeny_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].Categories = ["IpAddress"];

        AssertSingle(d, "versions[0].clauses[0].categories", "only a permit lists data categories");
    }

    [Fact]
    public void Validate_MissingReasonCode_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].ReasonCode = null;

        AssertSingle(d, "versions[0].clauses[0].reasonCode", "the clause needs a reason code, reported when it fires");
    }

    [Fact]
    public void Validate_UnknownCountryInCondition_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition { Jurisdictions = ["DE", "EU"] };

        ValidationProblem problem = AssertSingle(d, "versions[0].clauses[0].when.jurisdictions[1]", "not an ISO 3166-1 alpha-2 country code");
        Assert.Equal("EU", problem.Value);
    }

    [Fact]
    public void Validate_UnknownCountryForVariant_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Jurisdictions = ["XX"];

        AssertSingle(d, "versions[0].jurisdictions[0]", "not an ISO 3166-1 alpha-2 country code");
    }

    [Fact]
    public void Validate_DuplicateClauseId_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[1].Id = "court";

        AssertSingle(d, "versions[0].clauses[1].id", "the id is already used by clauses[0]");
    }

    [Fact]
    public void Validate_DuplicateVersionId_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].EffectiveUntil = "2025-12-31";
        d.Versions.Add(Version("a1", "2026-01-01", null));

        AssertSingle(d, "versions[1].id", "the id is already used by versions[0]");
    }

    [Fact]
    public void Validate_UnknownTosItem_ReportsItWithTheAcceptedItems()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].TermsOfService = new TosCatalogueDefinition
        {
            Entries = [new TosCatalogueEntryDefinition { Item = "Piracy", Wording = "Do not pirate." }],
        };

        AssertSingle(
            d,
            "versions[0].termsOfService.entries[0].item",
            "not a known TosItem; accepted: SpamOrScam, PublicViolencePromotion, PublicIllegalPornography, IllegalInMajorityOfCountries");
    }

    [Fact]
    public void Validate_UnknownOffenceInMapping_ReportsIt()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].TermsOfService = new TosCatalogueDefinition
        {
            Mappings = [new OffenceMappingDefinition { Offence = "Piracy", Items = ["SpamOrScam"] }],
        };

        AssertSingle(d, "versions[0].termsOfService.mappings[0].offence", "not a known OffenceCategory; accepted: Terrorism,");
    }

    [Fact]
    public void Validate_UnsatisfiableCondition_ReportsClauseThatCanNeverFire()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses.Insert(1, new ClauseDefinition
        {
            Id = "judge-and-court",
            Citation = "ACME 8.3",
            Wording = "a court order",
            Summary = "Refuse orders issued by a court that is also a judge.",
            When = new ConditionDefinition { All = [Fact("AuthorityKind", "Court"), Fact("AuthorityKind", "Judge")] },
            Effect = "Deny",
            ReasonCode = "Impossible",
        });

        AssertSingle(d, "versions[0].clauses[1].when", "the clause can never fire: its condition cannot hold for any request");
    }

    [Fact]
    public void Validate_PermitOfCategoryItsConditionExcludes_ReportsClauseThatCanNeverFire()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[1].When = Fact("DataCategory", "PhoneNumber");

        AssertSingle(d, "versions[0].clauses[1].when", "the clause can never fire: its condition never holds for a data category it permits (IpAddress)");
    }

    [Fact]
    public void Validate_NonEuCountryRequiredToBeInTheEu_ReportsClauseThatCanNeverFire()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition
        {
            All = [new ConditionDefinition { Jurisdictions = ["US", "CH"] }, Fact("EuMemberState", "yes")],
        };

        AssertSingle(d, "versions[0].clauses[0].when", "the clause can never fire: its condition cannot hold for any request");
    }

    // Membership is judged on the receipt date: the United Kingdom was a member until 2020-01-31.
    [Fact]
    public void Validate_FormerMemberRequiredToBeInTheEu_ReportsNothing()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition
        {
            All = [new ConditionDefinition { Jurisdictions = ["US", "GB"] }, Fact("EuMemberState", "yes")],
        };

        Assert.True(d.Validate().IsValid, d.Validate().ToString());
    }

    [Fact]
    public void Validate_EuCountryRequiredToBeInTheEu_ReportsNothing()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition
        {
            All = [new ConditionDefinition { Jurisdictions = ["US", "DE"] }, Fact("EuMemberState", "yes")],
        };

        Assert.True(d.Validate().IsValid, d.Validate().ToString());
    }

    [Fact]
    public void Validate_DenyRepeatingAnEarlierDeny_IsNotShadowedBecauseItAddsItsReason()
    {
        PolicyDefinition d = Valid();
        ClauseDefinition again = NotACourt();
        again.Id = "court-again";
        again.ReasonCode = "StillNotACourtOrder";
        d.Versions[0].Clauses.Insert(1, again);

        Assert.True(d.Validate().IsValid, d.Validate().ToString());
    }

    [Fact]
    public void Validate_ClauseAfterUnconditionalDeny_ReportsItShadowed()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Clauses[0].When = new ConditionDefinition { Any = [Fact("OrderValid", "yes"), Fact("OrderValid", "no")] };

        ValidationProblem problem = AssertSingle(
            d,
            "versions[0].clauses[1]",
            "the clause is shadowed: clauses[0] 'court' denies every item before it, so it can never change an outcome");
        Assert.Equal("disclose", problem.Value);
    }

    [Fact]
    public void Validate_PermitCoveredByStrongerClausesTogether_ReportsItShadowed()
    {
        PolicyDefinition d = Valid();
        ClauseDefinition court = NotACourt();
        court.Id = "court-itself";
        court.When = Fact("AuthorityKind", "Court");
        court.ReasonCode = "CourtsAskThroughAnotherChannel";
        d.Versions[0].Clauses.Insert(1, court);

        AssertSingle(
            d,
            "versions[0].clauses[2]",
            "the clause is shadowed: whenever it fires, a stronger clause fires too (clauses[0] 'court', clauses[1] 'court-itself'), so it can never decide an item");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneAtItsOwnPath()
    {
        PolicyDefinition d = Valid();
        d.Title = null;
        d.Versions[0].Cadence = "Weekly";
        d.Versions[0].Clauses[0].Effect = "Refuse";
        d.Versions[0].Clauses[0].Summary = null;
        d.Versions[0].Clauses[1].Citation = null;
        d.Versions.Add(Version("A2", "2024-01-01", "2024-12-31"));
        d.Versions[1].Clauses[1].When = Fact("Offences", "Piracy");

        ValidationResult result = d.Validate();

        Assert.Equal(
            [
                "versions[0].cadence",
                "versions[0].clauses[0].effect",
                "versions[0].clauses[0].summary",
                "versions[1].clauses[1].when.in[0]",
                "title",
                "versions[0].clauses[1].citation",
            ],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ToPolicy_InvalidDefinition_ThrowsOneExceptionListingEveryProblem()
    {
        PolicyDefinition d = Valid();
        d.Versions[0].Cadence = null;
        d.Versions[0].Clauses[1].Categories = ["Everything"];

        RuleDefinitionException ex = Assert.Throws<RuleDefinitionException>(d.ToPolicy);

        Assert.Equal(["versions[0].cadence", "versions[0].clauses[1].categories[0]"], ex.Problems.Select(p => p.Path));
        Assert.Contains("versions[0].cadence: the reporting cadence is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("versions[0].clauses[1].categories[0] = 'Everything': not a known DataCategory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPolicy_ValidDefinition_BuildsThePolicyItDescribes()
    {
        Policy policy = Valid().ToPolicy();

        RuleVersion version = Assert.Single(policy.Versions);
        Assert.Equal("A1", version.Id);
        Assert.Equal(new NodaTime.LocalDate(2025, 1, 1), version.EffectiveFrom);
        Assert.Null(version.EffectiveUntil);
        Assert.Equal(ReportingCadence.Quarterly, version.Cadence);
        Assert.Same(BuiltInRules.TermsOfService, version.TermsOfService);
        Assert.Equal("not issuing authority is Court", version.Clauses[0].Condition.ToString());
        Assert.Equal("permit IpAddress (CourtOrderReceived)", version.Clauses[1].Effect.ToString());
    }

    [Fact]
    public void From_BuiltInPolicy_BuildsAPolicyThatWritesTheSame()
    {
        Policy rebuilt = PolicyDefinition.From(BuiltInRules.Policy).ToPolicy();

        Assert.Equal(PolicyJson.Write(BuiltInRules.Policy), PolicyJson.Write(rebuilt));
    }

    private static ValidationProblem AssertSingle(PolicyDefinition definition, string path, string messageStart)
    {
        ValidationResult result = definition.Validate();
        ValidationProblem problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith(messageStart, problem.Message, StringComparison.Ordinal);
        return problem;
    }
}
