using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>Clauses and their effects.</summary>
public class ClauseTests
{
    [Fact]
    public void Permit_Categories_AreDeduplicatedAndOrdered()
    {
        ClauseEffect effect = ClauseEffect.Permit("Ok", DataCategory.PhoneNumber, DataCategory.IpAddress, DataCategory.PhoneNumber);

        Assert.Equal(ClauseEffectKind.Permit, effect.Kind);
        Assert.Equal([DataCategory.IpAddress, DataCategory.PhoneNumber], effect.Categories);
        Assert.Equal("permit IpAddress, PhoneNumber (Ok)", effect.ToString());
    }

    [Fact]
    public void Permit_UnspecifiedOrNoCategory_IsRejected()
    {
        Assert.Contains(
            "'Unspecified' is not a data category",
            Assert.Throws<ArgumentException>(() => ClauseEffect.Permit("Ok", DataCategory.IpAddress, DataCategory.Unspecified)).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClauseEffect.Permit("Ok", (DataCategory)77));
        Assert.Equal("A permit needs at least one data category. (Parameter 'categories')", Assert.Throws<ArgumentException>(() => ClauseEffect.Permit("Ok")).Message);
    }

    [Fact]
    public void Effects_BlankOrNullReasonCode_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ClauseEffect.Deny(" "));
        Assert.Throws<ArgumentNullException>(() => ClauseEffect.Pending(null!));
        Assert.Throws<ArgumentException>(() => ClauseEffect.NotApplicable(string.Empty));
    }

    [Fact]
    public void Effects_ToString_NameKindAndCode()
    {
        Assert.Equal("deny (X)", ClauseEffect.Deny("X").ToString());
        Assert.Equal("pending (X)", ClauseEffect.Pending("X").ToString());
        Assert.Equal("not applicable (X)", ClauseEffect.NotApplicable("X").ToString());
        Assert.Empty(ClauseEffect.Deny("X").Categories);
    }

    [Fact]
    public void Clause_ToStringAndLevel_FollowConditionAndEffect()
    {
        var deny = new Clause("c/1", "cite", "words", "summary", Condition.StatusIs(SubjectStatus.Witness), ClauseEffect.Deny("NoWitness"));
        var permit = new Clause("c/2", "cite", "words", "summary", Condition.Always, ClauseEffect.Permit("Ok", DataCategory.IpAddress));

        Assert.Equal("c/1: when subject status is Witness then deny (NoWitness)", deny.ToString());
        Assert.Equal(FactLevel.Subject, deny.Level);
        Assert.Equal(FactLevel.DataItem, permit.Level);
    }

    [Fact]
    public void Clause_NullArgument_Throws()
    {
        Assert.Equal(
            "condition",
            Assert.Throws<ArgumentNullException>(() => new Clause("c", "cite", "w", "s", null!, ClauseEffect.Deny("X"))).ParamName);
        Assert.Equal(
            "effect",
            Assert.Throws<ArgumentNullException>(() => new Clause("c", "cite", "w", "s", Condition.Always, null!)).ParamName);
    }

    [Fact]
    public void OffenceMapping_Items_AreDeduplicatedAndRendered()
    {
        var mapping = new OffenceMapping(OffenceCategory.Terrorism, TosItem.IllegalInMajorityOfCountries, TosItem.PublicViolencePromotion, TosItem.PublicViolencePromotion);

        Assert.Equal([TosItem.PublicViolencePromotion, TosItem.IllegalInMajorityOfCountries], mapping.Items);
        Assert.Equal("Terrorism -> PublicViolencePromotion, IllegalInMajorityOfCountries", mapping.ToString());
    }
}
