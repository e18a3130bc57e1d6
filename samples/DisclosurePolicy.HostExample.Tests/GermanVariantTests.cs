using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.HostExample.Tests;

/// <summary>The host's variant of V2 for Germany, compared with V2 through the test kit in its three styles.</summary>
public class GermanVariantTests
{
    private static readonly DisclosureEngine Host = new(HostPolicy.Policy, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

    private static readonly CaseSuite Suite = CaseSuite.Load(Path.Combine(AppContext.BaseDirectory, "cases", "v2-de.cases.json"));

    public static IEnumerable<object[]> Cases => Suite.TestData;

    // Style 1: properties over generated requests.
    [Property(Arbitrary = [typeof(GermanRequests)])]
    public bool Variant_GermanRequest_PermitsNothingV2DoesNot(ValidRequest request)
    {
        Decision host = Host.Evaluate(request.Request);
        Decision v2 = Host.Evaluate(request.Request, BuiltInRules.V2);
        return host.Results.Zip(v2.Results).All(p => p.First.Outcome != ItemOutcome.Permitted || p.Second.Outcome == ItemOutcome.Permitted);
    }

    [Property(Arbitrary = [typeof(GermanRequests)])]
    public bool Variant_NearMissOfAPermit_IsStoppedByTheBrokenClauseAlone(NearMiss miss)
    {
        Decision decision = Host.Evaluate(miss.Request);
        return decision.VersionId == "V2-DE"
            && !decision.IsPermitted
            && decision.Reasons.Where(r => r.Effect != ClauseEffectKind.Permit).All(r => r.ClauseId == miss.BrokenClauseId);
    }

    // Style 2: exact assertions over every request.
    [Fact]
    public void Variant_IsAtMostAsPermissiveAsV2()
    {
        PolicyAssert.IsAtMostAsPermissive(HostPolicy.V2Germany, BuiltInRules.V2);
    }

    [Fact]
    public void Variant_TerrorAndChildAbuseCases_DecideExactlyAsV2()
    {
        PolicyAssert.AreEquivalent(HostPolicy.V2Germany, BuiltInRules.V2, Condition.OffenceIsAnyOf(OffenceCategory.Terrorism, OffenceCategory.ChildSexualAbuse));
    }

    [Fact]
    public void Variant_NeverPermitsMessageContentNorACivilCase()
    {
        PolicyAssert.NeverPermits(HostPolicy.V2Germany, Condition.DataCategoryIs(DataCategory.CloudMessageContent, DataCategory.SecretChatContent));
        PolicyAssert.NeverPermits(HostPolicy.V2Germany, Condition.ProceedingIs(ProceedingKind.Civil));
    }

    [Fact]
    public void Variant_IsNarrowerThanV2_ForDrugCases()
    {
        // What the variant takes away, shown as a failing equivalence: the counterexample is a case outside the practice.
        var difference = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.AreEquivalent(BuiltInRules.V2, HostPolicy.V2Germany));
        Assert.Contains("OutsideGermanPractice", difference.Message, StringComparison.Ordinal);
    }

    // Style 3: a case file, one test per case.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name) => Suite.Verify(name, HostPolicy.Policy);

    [Fact]
    public void Cases_ReachTheVariantsOwnClause()
    {
        RuleCoverage coverage = RuleCoverage.Of(HostPolicy.Policy, Suite.Run(HostPolicy.Policy));

        Assert.Contains("8.3-2024-de/offences", coverage.Versions.Single(v => v.VersionId == "V2-DE").Fired);
    }
}
