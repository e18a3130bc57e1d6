using DisclosurePolicy.Requests;
using Xunit;

namespace DisclosurePolicy.Tests.Requests;

public class JurisdictionTests
{
    [Theory]
    [InlineData(" de ", "DE", true, true)]
    [InlineData("fr", "FR", true, true)]
    [InlineData("US", "US", true, false)]
    [InlineData("GB", "GB", true, false)]
    [InlineData("XK", "XK", true, false)]
    [InlineData("UK", "UK", false, false)]
    [InlineData("EU", "EU", false, false)]
    [InlineData("USA", "USA", false, false)]
    public void Constructor_Code_IsNormalizedAndClassified(string given, string code, bool known, bool eu)
    {
        var jurisdiction = new Jurisdiction(given);

        Assert.Equal(code, jurisdiction.Code);
        Assert.Equal(code, jurisdiction.ToString());
        Assert.Equal(known, jurisdiction.IsKnown);
        Assert.Equal(eu, jurisdiction.IsEuMemberState);
    }

    [Fact]
    public void Default_HasEmptyCodeAndIsUnknown()
    {
        Jurisdiction jurisdiction = default;

        Assert.Equal(string.Empty, jurisdiction.Code);
        Assert.False(jurisdiction.IsKnown);
        Assert.False(jurisdiction.IsEuMemberState);
        Assert.Equal(new Jurisdiction("  "), jurisdiction);
    }

    [Fact]
    public void Equality_ComparesNormalizedCodes()
    {
        Assert.True(new Jurisdiction("de") == new Jurisdiction("DE"));
        Assert.True(new Jurisdiction("de") != new Jurisdiction("AT"));
        Assert.Equal(new Jurisdiction("de").GetHashCode(), new Jurisdiction(" DE").GetHashCode());
        Assert.False(new Jurisdiction("DE").Equals("DE"));
    }

    [Fact]
    public void Constructor_NullCode_Throws()
    {
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => new Jurisdiction(null!)).ParamName);
    }
}
