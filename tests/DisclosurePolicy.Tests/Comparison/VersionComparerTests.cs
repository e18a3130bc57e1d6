using System.Text.Json;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;
using static DisclosurePolicy.Rules.Condition;

namespace DisclosurePolicy.Tests.Comparison;

public partial class VersionComparerTests
{
    private const string Terror = "offences include Terrorism";

    private const string OtherTosOffence =
        "offences include any of ChildSexualAbuse, DrugTrafficking, FirearmsTrafficking, ForgedDocuments, OtherIllegalGoodsOrServices, " +
        "FraudOrScam, Spam, PublicIncitementToViolence, PublicIllegalPornography, AttacksOnInformationSystems or MoneyLaundering, and not Terrorism";

    private static readonly string[] Orders = ["CourtOrder", "SearchWarrant", "CourtProductionOrder", "EuropeanProductionOrder", "CivilCourtOrder"];
    private static readonly string[] OrdersWithPreservation = ["CourtOrder", "SearchWarrant", "CourtProductionOrder", "EuropeanProductionOrder", "EuropeanPreservationOrder", "CivilCourtOrder"];
    private static readonly string[] Judicial = ["Court", "Judge", "InvestigatingJudge"];
    private static readonly string[] Authorities = ["LawEnforcementAuthority", "JudicialAuthority", "OtherPublicAuthority"];
    private static readonly string[] Suspects = ["Suspect", "Accused"];
    private static readonly string[] IpOrPhone = ["IpAddress", "PhoneNumber"];
    private static readonly string[] NotCriminal = ["Civil", "Administrative", "NationalSecurity", "ExecutionOfSentence", "None"];
    private static readonly string[] AnalysisNotFailed = ["NotPerformed", "Passed"];

    private static readonly VersionDifference V1ToV2 = VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2);

    // The comparison's examples may be received on any day a version covers; deciding on the last day there is, the engine
    // takes every one of them as received in the past.
    private static readonly DisclosureEngine Engine = Engines.At(Instant.MaxValue);

    public static TheoryData<string, string> VersionPairs => new() { { "V0", "V1" }, { "V1", "V2" }, { "V0", "V2" } };

    public static TheoryData<string> VersionIds => new() { "V0", "V1", "V2" };

    [Fact]
    public void Compare_V1ToV2_RegionsAreThoseTheWordingsImply()
    {
        // Facts every region shares: whichever version permits, the order is a valid, verified order of a court, judge or
        // investigating judge, the data goes to an authority, the user is confirmed a suspect (or accused) and only the IP
        // address and phone number are in play. Outside these, both texts refuse alike. An emergency claim never matters:
        // each version refuses it only where it refuses anyway.
        var common = new (string, string[])[]
        {
            ("authority", Judicial), ("orderValid", ["yes"]), ("recipient", Authorities), ("originVerification", ["VerifiedOutOfBand"]),
            ("subjectStatus", Suspects), ("dataCategory", IpOrPhone),
        };
        IReadOnlyList<DifferenceRegion> regions = V1ToV2.Regions;

        // Six regions, each a change of the rule a lawyer would name. A preservation-only request is outside both texts
        // (scope before merits), so it is 'not applicable' under both and makes no region.
        Assert.Equal(6, regions.Count);
        Assert.All(regions, r => Assert.Contains("disclosure asked", r.Where, StringComparison.Ordinal));

        // 2024 widens: a suspect of a crime that violates the ToS (not terrorism), criminal case, relevant issuer, analysis passed.
        Expect(regions[0], ItemOutcome.Denied, ItemOutcome.Permitted, 2, common,
            ("instrument", Orders), ("proceeding", ["Criminal"]), ("issuerRelevant", ["yes"]), ("preservationOnly", ["no"]),
            ("legalAnalysis", ["Passed"]), ("offences", [OtherTosOffence]));

        // 2024 narrows: a 2018 terror-suspect order now fails the relevance test, the analysis, or the criminal-case test...
        Expect(regions[1], ItemOutcome.Permitted, ItemOutcome.Denied, 8, common,
            ("instrument", Orders), ("issuerRelevant", ["no"]), ("preservationOnly", ["no"]), ("legalAnalysis", AnalysisNotFailed), ("offences", [Terror]));
        Expect(regions[2], ItemOutcome.Permitted, ItemOutcome.Denied, 8, common,
            ("instrument", Orders), ("preservationOnly", ["no"]), ("legalAnalysis", ["Failed"]), ("offences", [Terror]));
        Expect(regions[3], ItemOutcome.Permitted, ItemOutcome.Denied, 4, common,
            ("instrument", Orders), ("proceeding", NotCriminal), ("issuerRelevant", ["yes"]), ("preservationOnly", ["no"]),
            ("legalAnalysis", AnalysisNotFailed), ("offences", [Terror]));

        // ...or waits for the legal analysis the 2018 text did not have.
        Expect(regions[4], ItemOutcome.Permitted, ItemOutcome.PendingLegalAnalysis, 2, common,
            ("instrument", Orders), ("proceeding", ["Criminal"]), ("issuerRelevant", ["yes"]), ("preservationOnly", ["no"]),
            ("legalAnalysis", ["NotPerformed"]), ("offences", [Terror]));
        Expect(regions[5], ItemOutcome.Denied, ItemOutcome.PendingLegalAnalysis, 2, common,
            ("instrument", Orders), ("proceeding", ["Criminal"]), ("issuerRelevant", ["yes"]), ("preservationOnly", ["no"]),
            ("legalAnalysis", ["NotPerformed"]), ("offences", [OtherTosOffence]));
    }

    [Fact]
    public void Compare_V1ToV2_FirstRegionReadsAsWords()
    {
        DifferenceRegion widening = V1ToV2.Regions[0];

        Assert.Equal(
            "instrument is CourtOrder, SearchWarrant, CourtProductionOrder, EuropeanProductionOrder or CivilCourtOrder; " +
            "issuing authority is Court, Judge or InvestigatingJudge; proceeding is Criminal; order valid; issuer relevant; " +
            "recipient is none of PrivateParty or Lawyer; origin verification is VerifiedOutOfBand; disclosure asked; " +
            "legal analysis is Passed; subject status is Suspect or Accused; " + OtherTosOffence + "; data category is IpAddress or PhoneNumber",
            widening.Where);
        Assert.Equal(widening.Where + ": V1 deny, V2 may disclose", widening.Description);
        Assert.True(widening.Widens);
        Assert.False(widening.Narrows);
    }

    [Fact]
    public void Compare_V1ToV2_CountsAddUp()
    {
        Assert.Equal(26, V1ToV2.DifferingClassCount);
        Assert.Equal(V1ToV2.DifferingClassCount, V1ToV2.Regions.Sum(r => r.ClassCount));
        Assert.Equal(V1ToV2.DifferingCombinationCount, V1ToV2.Regions.Sum(r => r.CombinationCount));
        Assert.True(V1ToV2.DifferingCombinationCount < V1ToV2.CombinationCount);
        Assert.False(V1ToV2.AreEquivalent);

        // Every valid combination of fact values for one item: 17 instruments x 10 authorities x 250 countries x 6 proceedings
        // x 2 x 2 x 5 recipients x 3 verifications x 2 x 2 x 3 analyses x 8 statuses x 2^17 offence sets x 14 categories,
        // less the preservation instruments (2) with disclosure asked.
        long all = 17L * 10 * 250 * 6 * 2 * 2 * 5 * 3 * 2 * 2 * 3 * 8 * (1L << 17) * 14;
        long impossible = 2L * 10 * 250 * 6 * 2 * 2 * 5 * 3 * 1 * 2 * 3 * 8 * (1L << 17) * 14;
        Assert.Equal(all - impossible, V1ToV2.CombinationCount);
    }

    [Fact]
    public void Compare_V1ToV2_PartitionsHoldTheClassesTheClausesTellApart()
    {
        Dictionary<string, FactPartition> partitions = V1ToV2.Partitions.ToDictionary(p => p.Key);

        Assert.Equal(["received on any date"], partitions["receivedOn"].Classes);
        Assert.Equal(["any issuing jurisdiction"], partitions["jurisdiction"].Classes);
        Assert.Equal(3, partitions["legalAnalysis"].Classes.Count);
        Assert.Equal(
            [
                "offences include none of Terrorism, ChildSexualAbuse, DrugTrafficking, FirearmsTrafficking, ForgedDocuments, " +
                "OtherIllegalGoodsOrServices, FraudOrScam, Spam, PublicIncitementToViolence, PublicIllegalPornography, " +
                "AttacksOnInformationSystems or MoneyLaundering",
                Terror,
                OtherTosOffence,
            ],
            partitions["offences"].Classes);

        // Orders of a court, the European preservation order, the preservation request (both only preserve), and the rest.
        Assert.Equal(4, partitions["instrument"].Classes.Count);
        Assert.Equal(2, partitions["dataCategory"].Classes.Count);
    }

    [Fact]
    public void Compare_V1ToV2_EveryRegionExampleIsDecidedAsTheRegionSays()
    {
        foreach (DifferenceRegion region in V1ToV2.Regions)
        {
            Assert.True(region.Example.Validate().IsValid, region.Example.Validate().ToString());
            Assert.Equal(Single(region.LeftOutcome), Engine.Evaluate(region.Example, BuiltInRules.V1).Outcome);
            Assert.Equal(Single(region.RightOutcome), Engine.Evaluate(region.Example, BuiltInRules.V2).Outcome);
            Subject subject = region.Example.Subjects[0];
            Assert.Same(region, V1ToV2.FindRegion(region.Example, subject, region.Example.RequestedData[0]));
        }
    }

    [Theory]
    [MemberData(nameof(VersionIds))]
    public void Compare_VersionWithItself_HasNoDifference(string id)
    {
        RuleVersion version = BuiltInRules.Policy.FindVersion(id)!;

        VersionDifference difference = VersionComparer.Compare(version, version);

        Assert.True(difference.AreEquivalent);
        Assert.Empty(difference.Regions);
        Assert.Equal(0, difference.DifferingClassCount);
        Assert.True(difference.ClassCount > 0);
        Assert.True(VersionComparer.AreEquivalent(version, version).Holds);
        Assert.True(VersionComparer.IsAtMostAsPermissive(version, version).Holds);
    }

    [Theory]
    [MemberData(nameof(VersionPairs))]
    public void Compare_SwappedVersions_MirrorsTheRegions(string leftId, string rightId)
    {
        RuleVersion left = BuiltInRules.Policy.FindVersion(leftId)!;
        RuleVersion right = BuiltInRules.Policy.FindVersion(rightId)!;

        VersionDifference forward = VersionComparer.Compare(left, right);
        VersionDifference backward = VersionComparer.Compare(right, left);

        AssertMirrored(forward, backward);
    }

    [Fact]
    public void Compare_V0ToV1_WidensOnlyIpAndPhoneOfTerrorSuspects()
    {
        VersionDifference difference = VersionComparer.Compare(BuiltInRules.V0, BuiltInRules.V1);

        DifferenceRegion widening = Assert.Single(difference.Regions, r => r.Widens);
        Assert.Equal(ItemOutcome.Denied, widening.LeftOutcome);
        Assert.Equal(IpOrPhone, Values(widening, "dataCategory"));
        Assert.Equal([Terror], Values(widening, "offences"));
        Assert.Equal(Suspects, Values(widening, "subjectStatus"));
        Assert.DoesNotContain(difference.Regions, r => r.Narrows);

        // The only other change: a preservation-only request is outside V1's clause, 'not applicable' rather than refused.
        DifferenceRegion other = Assert.Single(difference.Regions, r => !r.Widens);
        Assert.Equal(ItemOutcome.NotApplicable, other.RightOutcome);
        Assert.Equal(["yes"], Values(other, "preservationOnly"));
    }

    [Fact]
    public void IsAtMostAsPermissive_V0ThenV1ThenV2_WidensUnderTheConditionsWhereItHolds()
    {
        // V0 discloses nothing, so it is at most as permissive as either later text.
        Assert.True(VersionComparer.IsAtMostAsPermissive(BuiltInRules.V0, BuiltInRules.V1).Holds);
        Assert.True(VersionComparer.IsAtMostAsPermissive(BuiltInRules.V0, BuiltInRules.V2).Holds);

        // V1 to V2 is not a pure widening: a terror-suspect order is refused in 2024 without a relevant issuer, a criminal
        // case and a passed analysis...
        ComparisonVerdict v1ToV2 = VersionComparer.IsAtMostAsPermissive(BuiltInRules.V1, BuiltInRules.V2);
        Assert.False(v1ToV2.Holds);
        AssertReal(v1ToV2, BuiltInRules.V1, BuiltInRules.V2);
        Assert.Equal(DecisionOutcome.MayDisclose, v1ToV2.LeftOutcome);
        Assert.Contains(OffenceCategory.Terrorism, v1ToV2.Counterexample!.Subjects[0].Offences);

        // ...and where those three hold, it is one.
        Condition v2Extras = All(IsTrue(Fact.IssuerRelevant), ProceedingIs(ProceedingKind.Criminal), LegalAnalysisIs(LegalAnalysisOutcome.Passed));
        ComparisonVerdict withExtras = VersionComparer.IsAtMostAsPermissive(BuiltInRules.V1, BuiltInRules.V2, v2Extras);
        Assert.True(withExtras.Holds, withExtras.ToString());

        // V2 widens V1 for crimes other than terrorism that violate the Terms of Service; for terrorism it only narrows.
        ComparisonVerdict v2ToV1 = VersionComparer.IsAtMostAsPermissive(BuiltInRules.V2, BuiltInRules.V1);
        Assert.False(v2ToV1.Holds);
        AssertReal(v2ToV1, BuiltInRules.V2, BuiltInRules.V1);
        Assert.DoesNotContain(OffenceCategory.Terrorism, v2ToV1.Counterexample!.Subjects[0].Offences);
        Assert.True(VersionComparer.IsAtMostAsPermissive(BuiltInRules.V2, BuiltInRules.V1, OffenceIsAnyOf(OffenceCategory.Terrorism)).Holds);

        // No version ever permits anything but the IP address and the phone number: there, V1 and V2 agree entirely, and V0
        // agrees with them wherever disclosure is asked (a preservation-only request is outside the 2018 and 2024 clauses,
        // not applicable, while V0 has no clause at all and refuses).
        Condition otherData = Not(DataCategoryIs(DataCategory.IpAddress, DataCategory.PhoneNumber));
        Assert.True(VersionComparer.AreEquivalent(BuiltInRules.V0, BuiltInRules.V1, All(otherData, Not(IsTrue(Fact.PreservationOnly)))).Holds);
        Assert.False(VersionComparer.AreEquivalent(BuiltInRules.V0, BuiltInRules.V1, otherData).Holds);
        Assert.True(VersionComparer.AreEquivalent(BuiltInRules.V1, BuiltInRules.V2, otherData).Holds);
        Assert.All(
            V1ToV2.Regions.Concat(VersionComparer.Compare(BuiltInRules.V0, BuiltInRules.V1).Regions.Where(r => r.Widens)),
            r => Assert.Equal(IpOrPhone, Values(r, "dataCategory")));
    }

    [Fact]
    public void IsAtMostAsPermissive_Verdict_ExplainsTheCounterexampleClass()
    {
        ComparisonVerdict verdict = VersionComparer.IsAtMostAsPermissive(BuiltInRules.V1, BuiltInRules.V2);

        Assert.Equal("Is V1 at most as permissive as V2?", verdict.Question);
        Assert.Contains(verdict.CounterexampleClass, c => c.Key == "offences" && c.Text == Terror);
        Assert.StartsWith("Is V1 at most as permissive as V2? No: where ", verdict.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("V1 gives MayDisclose and V2 gives " + verdict.RightOutcome + ".", verdict.ToString(), StringComparison.Ordinal);
        Assert.Equal("Is V0 at most as permissive as V1? Yes.", VersionComparer.IsAtMostAsPermissive(BuiltInRules.V0, BuiltInRules.V1).ToString());
    }

    [Theory]
    [MemberData(nameof(VersionPairs))]
    public void AreEquivalent_DifferentBuiltInVersions_GivesARealCounterexample(string leftId, string rightId)
    {
        RuleVersion left = BuiltInRules.Policy.FindVersion(leftId)!;
        RuleVersion right = BuiltInRules.Policy.FindVersion(rightId)!;

        ComparisonVerdict verdict = VersionComparer.AreEquivalent(left, right);

        Assert.False(verdict.Holds);
        AssertReal(verdict, left, right);
        Assert.Empty(VersionComparer.AreEquivalent(left, left).CounterexampleClass);
    }

    [Fact]
    public void AreEquivalent_ClausesReorderedAndRewritten_ComparesMeaningNotText()
    {
        // The same rule as V2, its clauses after the scope clause (preservation, which must stay first: it outranks the denies
        // that follow it) reversed, and each condition wrapped in a double negation and a trivial conjunction.
        IReadOnlyList<Clause> v2 = BuiltInRules.V2.Clauses;
        RuleVersion rewritten = Host(
            "V2-rewritten",
            v2.Take(1).Concat(v2.Skip(1).Reverse()).Select(c => new Clause(c.Id, c.Citation, c.Wording, c.Summary, All(Not(Not(c.Condition)), Always), c.Effect)));

        Assert.True(VersionComparer.AreEquivalent(BuiltInRules.V2, rewritten).Holds);
        Assert.True(VersionComparer.Compare(rewritten, BuiltInRules.V2).AreEquivalent);
        Assert.False(VersionComparer.AreEquivalent(BuiltInRules.V1, rewritten).Holds);
    }

    [Fact]
    public void Compare_HostVersionReadingAnEarlierCatalogue_SplitsReceiptDatesAtCatalogueEpochs()
    {
        // V2's clauses in force from 2019: before 2020-12-09 no Terms-of-Service item was in force, and item 4 ("illegal
        // in the majority of countries") only from 2024-09-23.
        RuleVersion early = Host("V2-early", BuiltInRules.V2.Clauses, new LocalDate(2019, 1, 1), null);

        VersionDifference difference = VersionComparer.Compare(early, BuiltInRules.V2);

        Assert.Equal(
            ["received on or before 2020-12-08", "received 2020-12-09 to 2024-09-22", "received on or after 2024-09-23"],
            difference.Partitions[0].Classes);
        Assert.NotEmpty(difference.Regions);
        Assert.All(difference.Regions, r => Assert.DoesNotContain("2024-09-23..", Values(r, "receivedOn")));
        Assert.All(difference.Regions, r => Assert.NotEqual(ItemOutcome.Permitted, r.LeftOutcome));
        AssertExamplesReal(difference);

        // In 2022, fraud violated item 1 but drug trafficking no item yet in force.
        LegalRequest drugs = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2022, 5, 2), subjects: [new Subject("u", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)]);
        LegalRequest fraud = Some.With(drugs, subjects: [new Subject("u", SubjectStatus.Suspect, OffenceCategory.FraudOrScam)]);
        DifferenceRegion? region = difference.FindRegion(drugs, drugs.Subjects[0], DataCategory.IpAddress);
        Assert.NotNull(region);
        Assert.Equal((ItemOutcome.Denied, ItemOutcome.Permitted), (region.LeftOutcome, region.RightOutcome));
        Assert.Null(difference.FindRegion(fraud, fraud.Subjects[0], DataCategory.IpAddress));

        // Before 2020-12-09 even fraud violated nothing in force.
        LegalRequest oldFraud = Some.With(fraud, receivedOn: new LocalDate(2019, 6, 1));
        Assert.NotNull(difference.FindRegion(oldFraud, oldFraud.Subjects[0], DataCategory.PhoneNumber));
    }

    [Fact]
    public void Compare_HostLocalizedVariant_ReportsTheCountryAndOffencesItAdds()
    {
        // A host's variant of V1: child abuse counts like terrorism, and orders from RU are refused.
        RuleVersion variant = Host(
            "V1-local",
            [
                new Clause("local/ru", "Host overlay", "does not concern", "Orders from RU are refused.", JurisdictionIs("RU"), ClauseEffect.Deny("JurisdictionExcluded")),
                .. BuiltInRules.V1.Clauses.Select(c => c.Id == "8.3-2018/terror"
                    ? new Clause(c.Id, c.Citation, c.Wording, c.Summary, Not(OffenceIsAnyOf(OffenceCategory.Terrorism, OffenceCategory.ChildSexualAbuse)), c.Effect)
                    : c),
            ],
            BuiltInRules.V1Start,
            null,
            ["IN"]);

        VersionDifference difference = VersionComparer.Compare(BuiltInRules.V1, variant);

        // The variant's audience (IN) is a class of its own, but it decides nothing, so no region singles it out.
        Assert.Equal(
            ["issuing jurisdiction is IN", "issuing jurisdiction is RU", "issuing jurisdiction is any country except IN, RU"],
            difference.Partitions.Single(p => p.Key == "jurisdiction").Classes);
        // Three regions: child abuse widens outside RU, terrorism narrows in RU, and a preservation-only request from RU is
        // refused by the variant (its exclusion comes before the scope clause) where V1 finds it outside its clause.
        Assert.Equal(3, difference.Regions.Count);
        DifferenceRegion excluded = Assert.Single(difference.Regions, r => r.LeftOutcome == ItemOutcome.NotApplicable);
        Assert.Equal(["RU"], Values(excluded, "jurisdiction"));
        Assert.Equal(["yes"], Values(excluded, "preservationOnly"));
        DifferenceRegion widening = Assert.Single(difference.Regions, r => r.Widens);
        Assert.Equal(ItemOutcome.Denied, widening.LeftOutcome);
        Assert.Equal(["offences include ChildSexualAbuse, and not Terrorism"], Values(widening, "offences"));
        Assert.Equal("issuing jurisdiction is any country except RU", widening.Conditions.Single(c => c.Key == "jurisdiction").Text);
        DifferenceRegion narrowing = Assert.Single(difference.Regions, r => r.Narrows);
        Assert.Equal(ItemOutcome.Denied, narrowing.RightOutcome);
        Assert.Equal(["RU"], Values(narrowing, "jurisdiction"));
        Assert.Equal([Terror], Values(narrowing, "offences"));
        Assert.All(difference.Regions.Where(r => !r.Widens && !r.Narrows), r => Assert.Equal(["yes"], Values(r, "preservationOnly")));
        AssertExamplesReal(difference);
        AssertMirrored(difference, VersionComparer.Compare(variant, BuiltInRules.V1));
    }

    [Fact]
    public void Compare_HostClauseOnEuMembership_SplitsOtherCountriesByMembership()
    {
        // A host rule that refuses orders from outside the EU, and from DE.
        RuleVersion euOnly = Host(
            "V2-eu",
            [
                new Clause("eu/outside", "Host", "EU only", "Orders from outside the EU are refused.", Not(IsTrue(Fact.EuMemberState)), ClauseEffect.Deny("OutsideEu")),
                new Clause("eu/de", "Host", "not DE", "Orders from DE are refused.", JurisdictionIs("DE"), ClauseEffect.Deny("Germany")),
                .. BuiltInRules.V2.Clauses,
            ]);

        VersionDifference difference = VersionComparer.Compare(BuiltInRules.V2, euOnly);

        // Membership is judged on the receipt date, so the States are split by their membership periods and the timeline
        // where one joined or left; DE is named by a clause of its own.
        IReadOnlyList<string> countries = difference.Partitions.Single(p => p.Key == "jurisdiction").Classes;
        Assert.Equal("issuing jurisdiction is DE", countries[0]);
        Assert.Contains("issuing jurisdiction is GB", countries);
        Assert.Contains("issuing jurisdiction is HR", countries);
        Assert.Equal("issuing jurisdiction is any country outside the EU except GB", countries[^1]);
        Assert.Contains(difference.Partitions.Single(p => p.Key == "receivedOn").Classes, c => c.Contains("2020-02-01", StringComparison.Ordinal));
        Assert.All(difference.Regions, r => Assert.Equal(ItemOutcome.Denied, r.RightOutcome));
        Assert.Contains(difference.Regions, r => Values(r, "jurisdiction").Contains("US"));

        // The 2004 enlargement: orders from those States were 'outside the EU' until 2004-04-30.
        Assert.Contains(difference.Regions, r =>
            r.Where.StartsWith("received on or before 2004-04-30; ", StringComparison.Ordinal)
            && r.Conditions.Single(c => c.Key == "jurisdiction").Text == "issuing jurisdiction is CY, CZ, EE, HU, LT, LV, MT, PL, SI or SK");

        // The United Kingdom: a member on 2020-01-31, not on 2020-02-01; France: a member since 1958.
        LegalRequest london = Some.With(Some.V2Permitted(), jurisdiction: "GB", receivedOn: new LocalDate(2020, 1, 31));
        LegalRequest afterBrexit = Some.With(london, receivedOn: new LocalDate(2020, 2, 1));
        LegalRequest paris = Some.With(Some.V2Permitted(), receivedOn: new LocalDate(2020, 2, 1));
        Assert.Null(difference.FindRegion(london, london.Subjects[0], DataCategory.IpAddress));
        Assert.NotNull(difference.FindRegion(afterBrexit, afterBrexit.Subjects[0], DataCategory.IpAddress));
        Assert.Null(difference.FindRegion(paris, paris.Subjects[0], DataCategory.IpAddress));
        Assert.Equal(DecisionOutcome.MayDisclose, Engine.Evaluate(london, euOnly).Outcome);
        Assert.Equal(DecisionOutcome.Deny, Engine.Evaluate(afterBrexit, euOnly).Outcome);
        AssertExamplesReal(difference);
    }

    [Fact]
    public void Compare_PolicyOnTwoDates_ComparesTheVersionsInForce()
    {
        VersionDifference difference = VersionComparer.Compare(BuiltInRules.Policy, Some.V1Day, Some.V2Day);

        Assert.Same(BuiltInRules.V1, difference.Left);
        Assert.Same(BuiltInRules.V2, difference.Right);
        Assert.Equal(V1ToV2.Regions.Select(r => r.Description), difference.Regions.Select(r => r.Description));
    }

    [Fact]
    public void Compare_PolicyOnADateWithoutVersion_ThrowsNamingTheDate()
    {
        var policy = new Policy("host", "Host policy", [Host("H1", BuiltInRules.V2.Clauses, new LocalDate(2020, 1, 1), null)]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => VersionComparer.Compare(policy, new LocalDate(2019, 5, 1), new LocalDate(2021, 1, 1)));

        Assert.Equal("leftDate", error.ParamName);
        Assert.Contains("2019-05-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_PolicyForOneCountry_ComparesOnlyRequestsFromThere()
    {
        VersionDifference germany = VersionComparer.Compare(BuiltInRules.Policy, Some.V1Day, Some.V2Day, new Jurisdiction("DE"));

        Assert.NotNull(germany.Scope);
        Assert.Equal(V1ToV2.CombinationCount / 250, germany.CombinationCount);
        Assert.All(germany.Regions, r => Assert.Equal(["DE"], Values(r, "jurisdiction")));
        Assert.Equal(V1ToV2.Regions.Count, germany.Regions.Count);
        LegalRequest french = Some.V2Permitted();
        Assert.Null(germany.FindRegion(french, french.Subjects[0], DataCategory.IpAddress));
        LegalRequest german = Some.With(french, jurisdiction: "DE");
        Assert.NotNull(germany.FindRegion(german, german.Subjects[0], DataCategory.IpAddress));
        Assert.Throws<ArgumentException>(() => VersionComparer.Compare(BuiltInRules.Policy, Some.V1Day, Some.V2Day, new Jurisdiction("ZZ")));
    }

    [Fact]
    public void Compare_WithScope_KeepsEveryRegionInsideIt()
    {
        VersionDifference passed = VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2, LegalAnalysisIs(LegalAnalysisOutcome.Passed));

        Assert.NotEmpty(passed.Regions);
        Assert.All(passed.Regions, r => Assert.Equal(["Passed"], Values(r, "legalAnalysis")));
        Assert.True(passed.ClassCount < V1ToV2.ClassCount);
        Assert.Equal(passed.DifferingClassCount, passed.Regions.Sum(r => r.ClassCount));
    }

    [Fact]
    public void ToMarkdown_V1ToV2_TabulatesEveryRegionWithBothOutcomes()
    {
        string markdown = V1ToV2.ToMarkdown();

        Assert.StartsWith("# V1 compared with V2", markdown, StringComparison.Ordinal);
        Assert.Contains("| # | Where | V1 | V2 | Classes | Combinations |", markdown, StringComparison.Ordinal);
        Assert.Contains("The two versions decide differently on 26 of 27,648 classes of items", markdown, StringComparison.Ordinal);
        for (int i = 0; i < V1ToV2.Regions.Count; i++)
        {
            DifferenceRegion r = V1ToV2.Regions[i];
            Assert.Contains($"| {i + 1} | {r.Where} | ", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("| deny | may disclose | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- **offences** (3): ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_SameVersion_SaysTheyAgree()
    {
        string markdown = VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V1).ToMarkdown();

        Assert.Contains("The two versions decide every item the same way", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| # |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_V1ToV2_HoldsVersionsCountsAndRegions()
    {
        using var json = JsonDocument.Parse(V1ToV2.ToJson());
        JsonElement root = json.RootElement;

        Assert.Equal("V1", root.GetProperty("left").GetProperty("id").GetString());
        Assert.Equal("2024-09-22", root.GetProperty("left").GetProperty("effectiveUntil").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("right").GetProperty("effectiveUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("scope").ValueKind);
        Assert.False(root.GetProperty("equivalent").GetBoolean());
        Assert.Equal(26, root.GetProperty("differingClasses").GetInt64());
        Assert.Equal(V1ToV2.CombinationCount, root.GetProperty("combinations").GetInt64());
        JsonElement regions = root.GetProperty("regions");
        Assert.Equal(6, regions.GetArrayLength());

        // No region consists of preservation-only requests: neither version covers them.
        Assert.All(regions.EnumerateArray(), region => Assert.DoesNotContain(
            region.GetProperty("conditions").EnumerateArray(),
            c => c.GetProperty("fact").GetString() == "preservationOnly" && c.GetProperty("values").EnumerateArray().All(v => v.GetString() == "yes")));
        JsonElement first = regions[0];
        Assert.Equal("Denied", first.GetProperty("left").GetString());
        Assert.Equal("Permitted", first.GetProperty("right").GetString());
        Assert.Equal(V1ToV2.Regions[0].Description, first.GetProperty("description").GetString());
        JsonElement analysis = first.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("fact").GetString() == "legalAnalysis");
        Assert.Equal(["Passed"], analysis.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(15, root.GetProperty("partitions").GetArrayLength());
    }

    [Fact]
    public void WriteJson_IntoAnArray_WritesOneObject()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            V1ToV2.WriteJson(writer);
            writer.WriteEndArray();
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("V2", json.RootElement[0].GetProperty("right").GetProperty("id").GetString());
        Assert.Throws<ArgumentNullException>(() => V1ToV2.WriteJson(null!));
    }

    [Fact]
    public void FindRegion_RequestNotValidOrItemNotInIt_Throws()
    {
        LegalRequest valid = Some.V2Permitted();
        LegalRequest invalid = Some.With(valid, jurisdiction: "ZZ");

        ArgumentException error = Assert.Throws<ArgumentException>(() => V1ToV2.FindRegion(invalid, invalid.Subjects[0], DataCategory.IpAddress));
        Assert.Contains("jurisdiction", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => V1ToV2.FindRegion(valid, new Subject("other", SubjectStatus.Suspect), DataCategory.IpAddress));
        Assert.Throws<ArgumentException>(() => V1ToV2.FindRegion(valid, valid.Subjects[0], DataCategory.Contacts));
        Assert.Throws<ArgumentNullException>(() => V1ToV2.FindRegion(null!, valid.Subjects[0], DataCategory.IpAddress));
    }

    [Fact]
    public void Compare_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => VersionComparer.Compare(null!, BuiltInRules.V2));
        Assert.Throws<ArgumentNullException>(() => VersionComparer.Compare(BuiltInRules.V1, null!));
        Assert.Throws<ArgumentNullException>(() => VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2, (Condition)null!));
        Assert.Throws<ArgumentNullException>(() => VersionComparer.Compare((Policy)null!, Some.V1Day, Some.V2Day));
        Assert.Throws<ArgumentNullException>(() => VersionComparer.IsAtMostAsPermissive(null!, BuiltInRules.V2));
        Assert.Throws<ArgumentNullException>(() => VersionComparer.AreEquivalent(BuiltInRules.V1, null!));
    }

    internal static RuleVersion Host(string id, IEnumerable<Clause> clauses) => Host(id, clauses, BuiltInRules.V2Start, null, null);

    internal static RuleVersion Host(string id, IEnumerable<Clause> clauses, LocalDate from, LocalDate? until, IEnumerable<string>? jurisdictions = null) =>
        new(id, $"Host version {id}", from, until, "Host policy", "Host wording", ReportingCadence.Quarterly, BuiltInRules.TermsOfService, clauses, jurisdictions);

    internal static DecisionOutcome Single(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Permitted => DecisionOutcome.MayDisclose,
        ItemOutcome.PendingLegalAnalysis => DecisionOutcome.PendingLegalAnalysis,
        ItemOutcome.NotApplicable => DecisionOutcome.NotApplicable,
        _ => DecisionOutcome.Deny,
    };

    internal static IReadOnlyList<string> Values(DifferenceRegion region, string key) =>
        region.Conditions.SingleOrDefault(c => c.Key == key)?.Values ?? [];

    /// <summary>The counterexample is a valid request that, evaluated normally, really gets the outcomes the verdict states, and they differ.</summary>
    internal static void AssertReal(ComparisonVerdict verdict, RuleVersion left, RuleVersion right)
    {
        LegalRequest request = Assert.IsType<LegalRequest>(verdict.Counterexample);
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        Decision l = Engine.Evaluate(request, left);
        Decision r = Engine.Evaluate(request, right);
        Assert.Equal(verdict.LeftOutcome, l.Outcome);
        Assert.Equal(verdict.RightOutcome, r.Outcome);
        Assert.NotEqual(l.Outcome, r.Outcome);
        Assert.NotEmpty(verdict.CounterexampleClass);
    }

    internal static void AssertExamplesReal(VersionDifference difference)
    {
        foreach (DifferenceRegion region in difference.Regions)
        {
            Assert.True(region.Example.Validate().IsValid, region.Example.Validate().ToString());
            Assert.Equal(Single(region.LeftOutcome), Engine.Evaluate(region.Example, difference.Left).Outcome);
            Assert.Equal(Single(region.RightOutcome), Engine.Evaluate(region.Example, difference.Right).Outcome);
        }
    }

    internal static void AssertMirrored(VersionDifference forward, VersionDifference backward)
    {
        Assert.Equal(forward.ClassCount, backward.ClassCount);
        Assert.Equal(forward.DifferingClassCount, backward.DifferingClassCount);
        Assert.Equal(forward.DifferingCombinationCount, backward.DifferingCombinationCount);
        static string Key(DifferenceRegion r, bool swap) =>
            $"{r.Where} | {(swap ? r.RightOutcome : r.LeftOutcome)} -> {(swap ? r.LeftOutcome : r.RightOutcome)} | {r.ClassCount} | {r.CombinationCount}";
        Assert.Equal(forward.Regions.Select(r => Key(r, false)).Order(StringComparer.Ordinal), backward.Regions.Select(r => Key(r, true)).Order(StringComparer.Ordinal));
    }

    private static void Expect(
        DifferenceRegion region,
        ItemOutcome left,
        ItemOutcome right,
        long classes,
        (string Key, string[] Values)[] common,
        params (string Key, string[] Values)[] specific)
    {
        Assert.Equal((left, right), (region.LeftOutcome, region.RightOutcome));
        Assert.Equal(classes, region.ClassCount);
        Dictionary<string, string[]> expected = common.Concat(specific).ToDictionary(c => c.Key, c => c.Values);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), region.Conditions.Select(c => c.Key).Order(StringComparer.Ordinal));
        foreach (RegionCondition condition in region.Conditions)
        {
            Assert.Equal(expected[condition.Key], condition.Values);
        }
    }
}
