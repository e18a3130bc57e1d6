using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using Xunit;

namespace DisclosurePolicy.Tests.Comparison;

/// <summary>Invariants of the exact comparison, over host-defined versions built from random clauses and catalogues.</summary>
public partial class VersionComparerTests
{
    [Property(Arbitrary = [typeof(ComparisonArbitraries)], MaxTest = 60)]
    public void Compare_HostVersionWithItself_HasNoDifference(RuleVersion version)
    {
        VersionDifference difference = VersionComparer.Compare(version, version);

        Assert.True(difference.AreEquivalent);
        Assert.Equal(0, difference.DifferingClassCount);
        Assert.True(VersionComparer.AreEquivalent(version, version).Holds);
    }

    [Property(Arbitrary = [typeof(ComparisonArbitraries)], MaxTest = 60)]
    public void Compare_HostVersions_MirrorsTheSwappedComparison(RuleVersion left, RuleVersion right)
    {
        AssertMirrored(VersionComparer.Compare(left, right), VersionComparer.Compare(right, left));
    }

    [Property(Arbitrary = [typeof(ComparisonArbitraries)], MaxTest = 60)]
    public void Compare_HostVersions_RegionsAreDisjointCountedAndTheirExamplesReal(RuleVersion left, RuleVersion right)
    {
        VersionDifference difference = VersionComparer.Compare(left, right);

        Assert.Equal(difference.DifferingClassCount, difference.Regions.Sum(r => r.ClassCount));
        Assert.Equal(difference.DifferingCombinationCount, difference.Regions.Sum(r => r.CombinationCount));
        Assert.Equal(difference.DifferingClassCount == 0, difference.AreEquivalent);
        Assert.All(difference.Regions, r => Assert.NotEqual(r.LeftOutcome, r.RightOutcome));
        AssertExamplesReal(difference);
        foreach (DifferenceRegion region in difference.Regions)
        {
            // Each example lies in its own region and in no other.
            Assert.Same(region, difference.FindRegion(region.Example, region.Example.Subjects[0], region.Example.RequestedData[0]));
        }
    }

    [Property(Arbitrary = [typeof(ComparisonArbitraries)], MaxTest = 60)]
    public void Verdicts_HostVersions_AgreeWithTheDifferenceAndTheirCounterexamplesAreReal(RuleVersion left, RuleVersion right)
    {
        VersionDifference difference = VersionComparer.Compare(left, right);
        ComparisonVerdict equivalent = VersionComparer.AreEquivalent(left, right);
        ComparisonVerdict atMost = VersionComparer.IsAtMostAsPermissive(left, right);

        Assert.Equal(difference.AreEquivalent, equivalent.Holds);
        Assert.Equal(!difference.Regions.Any(r => r.Narrows), atMost.Holds);
        if (!equivalent.Holds)
        {
            AssertReal(equivalent, left, right);
        }

        if (!atMost.Holds)
        {
            AssertReal(atMost, left, right);
            Assert.Equal(DecisionOutcome.MayDisclose, atMost.LeftOutcome);
        }
    }

    [Property(Arbitrary = [typeof(ComparisonArbitraries)], MaxTest = 60)]
    public void FindRegion_RandomRequest_AgreesWithEvaluatingEachItemUnderBothHostVersions(RuleVersion left, RuleVersion right, LegalRequest request)
    {
        VersionDifference difference = VersionComparer.Compare(left, right);
        RequestComparison comparison = new RequestComparer(Engines.BuiltIn()).Compare(request, left, right);

        int i = 0;
        foreach (Subject subject in request.Subjects)
        {
            foreach (DataCategory category in request.RequestedData)
            {
                ItemComparison item = comparison.Items[i++];
                DifferenceRegion? region = difference.FindRegion(request, subject, category);
                Assert.Equal(item.IsChanged, region is not null);
                if (region is not null)
                {
                    Assert.Equal((item.LeftOutcome, item.RightOutcome), (region.LeftOutcome, region.RightOutcome));
                }
            }
        }
    }
}
