using DisclosurePolicy.Rules;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>Fact tests built from value names, as configuration gives them.</summary>
public class FactConditionTests
{
    [Fact]
    public void Create_EnumNames_AreParsedWithoutRegardToCase()
    {
        FactCondition condition = FactCondition.Create(Fact.Proceeding, "criminal", " Civil ");

        Assert.Equal(Fact.Proceeding, condition.Fact);
        Assert.Equal(["Criminal", "Civil"], condition.Values);
        Assert.Equal("proceeding is Criminal or Civil", condition.ToString());
    }

    [Theory]
    [InlineData("yes", "order valid")]
    [InlineData("TRUE", "order valid")]
    [InlineData("no", "not order valid")]
    [InlineData("false", "not order valid")]
    public void Create_YesNoFact_AcceptsYesNoTrueFalse(string value, string rendered)
    {
        Assert.Equal(rendered, FactCondition.Create(Fact.OrderValid, value).ToString());
    }

    [Theory]
    [InlineData(Fact.SubjectStatus, "Unspecified")]
    [InlineData(Fact.SubjectStatus, "Suspected")]
    [InlineData(Fact.OrderValid, "maybe")]
    [InlineData(Fact.DataCategory, "0")]
    public void Create_UnknownName_IsRejectedListingTheAcceptedNames(Fact fact, string value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => FactCondition.Create(fact, value));

        Assert.Contains($"'{value}' is not a value of {fact}; accepted: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted: Unspecified", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Fact.Jurisdiction)]
    [InlineData(Fact.Unspecified)]
    public void Create_FactThatCannotBeTestedByValue_IsRejected(Fact fact)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => FactCondition.Create(fact, "DE"));

        Assert.Equal("fact", error.ParamName);
    }

    [Fact]
    public void Create_NoName_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => FactCondition.Create(Fact.Instrument));
        Assert.Throws<ArgumentNullException>(() => FactCondition.Create(Fact.Instrument, (IEnumerable<string>)null!));
    }
}
