using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class RuleVersionTests
{
    [Fact]
    public void IsInForceOn_BothEndsIncluded()
    {
        Assert.False(BuiltInRules.V1.IsInForceOn(new LocalDate(2018, 8, 13)));
        Assert.True(BuiltInRules.V1.IsInForceOn(new LocalDate(2018, 8, 14)));
        Assert.True(BuiltInRules.V1.IsInForceOn(new LocalDate(2024, 9, 22)));
        Assert.False(BuiltInRules.V1.IsInForceOn(new LocalDate(2024, 9, 23)));
        Assert.True(BuiltInRules.V2.IsInForceOn(LocalDate.MaxIsoValue));
        Assert.True(BuiltInRules.V0.IsInForceOn(LocalDate.MinIsoValue));
    }

    [Fact]
    public void CatalogueDate_OutsideThePeriod_IsMovedIntoIt()
    {
        Assert.Equal(BuiltInRules.V2Start, BuiltInRules.V2.CatalogueDate(new LocalDate(2019, 1, 1)));
        Assert.Equal(new LocalDate(2025, 5, 5), BuiltInRules.V2.CatalogueDate(new LocalDate(2025, 5, 5)));
        Assert.Equal(new LocalDate(2024, 9, 22), BuiltInRules.V1.CatalogueDate(new LocalDate(2026, 1, 1)));
        Assert.Equal(BuiltInRules.V1Start, BuiltInRules.V1.CatalogueDate(new LocalDate(2010, 1, 1)));
    }

    [Fact]
    public void Jurisdictions_AreNormalizedAndDeduplicated()
    {
        RuleVersion variant = SomeRules.Version("IN", new LocalDate(2020, 1, 1), jurisdictions: [" in", "IN", "br"]);

        Assert.Equal(["IN", "BR"], variant.Jurisdictions);
        Assert.True(variant.AppliesTo("BR"));
        Assert.False(variant.AppliesTo("DE"));
        Assert.True(BuiltInRules.V2.AppliesTo("DE"));
    }

    [Fact]
    public void ToString_GivesIdPeriodAndTitle()
    {
        Assert.Equal("V0 (until 2018-08-13): No disclosure clause", BuiltInRules.V0.ToString());
        Assert.Equal("V1 (2018-08-14 to 2024-09-22): Court order confirming a terror suspect", BuiltInRules.V1.ToString());
        Assert.StartsWith("V2 (from 2024-09-23): ", BuiltInRules.V2.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullClause_Throws()
    {
        Assert.Equal(
            "clauses",
            Assert.Throws<ArgumentNullException>(() => SomeRules.Version("X", new LocalDate(2020, 1, 1), clauses: [SomeRules.PermitIp(), null!])).ParamName);
    }
}
