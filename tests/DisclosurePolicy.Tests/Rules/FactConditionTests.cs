using DisclosurePolicy.Rules;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>Fact tests built from value names, as configuration gives them.</summary>
public class FactConditionTests
{
    [Fact]
    public void Create_EnumNames_AreParsedWithoutRegardToCase()
    {
        FactCondition condition = FactCondition.Create(Fact.Proceeding, "criminal", "CIVIL");

        Assert.Equal(Fact.Proceeding, condition.Fact);
        Assert.Equal(["Criminal", "Civil"], condition.Values);
        Assert.Equal("proceeding is Criminal or Civil", condition.ToString());
    }

    // One accepted spelling per name: spaces, numbers and comma-joined lists (which enum parsing would combine as flags,
    // "PrivateParty, Lawyer" meaning a third member) are refused with the accepted names.
    [Theory]
    [InlineData(Fact.Proceeding, " Civil ")]
    [InlineData(Fact.Proceeding, "Civil ")]
    [InlineData(Fact.Proceeding, "2")]
    [InlineData(Fact.Recipient, "PrivateParty, Lawyer")]
    [InlineData(Fact.OrderValid, " yes")]
    public void Create_NameNotSpelledExactly_ThrowsListingTheAcceptedNames(Fact fact, string name)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => FactCondition.Create(fact, name));

        Assert.Contains($"'{name}' is not a value of {fact}; accepted: ", ex.Message, StringComparison.Ordinal);
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
