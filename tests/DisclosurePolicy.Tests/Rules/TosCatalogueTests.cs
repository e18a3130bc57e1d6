using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>The dated Terms-of-Service catalogue: item 4 exists only from 2024-09-23, and only mapped offences violate it.</summary>
public class TosCatalogueTests
{
    private static readonly TosCatalogue Tos = BuiltInRules.TermsOfService;

    [Fact]
    public void ItemsInForceOn_BeforeTheFirstArchivedRecord_IsEmpty()
    {
        Assert.Empty(Tos.ItemsInForceOn(new LocalDate(2020, 12, 8)));
    }

    [Fact]
    public void ItemsInForceOn_DayBeforeV2_HasItemsOneToThree()
    {
        Assert.Equal(
            [TosItem.SpamOrScam, TosItem.PublicViolencePromotion, TosItem.PublicIllegalPornography],
            Tos.ItemsInForceOn(new LocalDate(2024, 9, 22)));
        Assert.Equal(3, Tos.ItemsInForceOn(new LocalDate(2020, 12, 9)).Count);
    }

    [Fact]
    public void ItemsInForceOn_FirstDayOfV2_AddsItemFour()
    {
        Assert.Equal(
            [TosItem.SpamOrScam, TosItem.PublicViolencePromotion, TosItem.PublicIllegalPornography, TosItem.IllegalInMajorityOfCountries],
            Tos.ItemsInForceOn(BuiltInRules.V2Start));
    }

    [Fact]
    public void ItemsViolated_Terrorism_OnlyOnceItemFourIsInForce()
    {
        Assert.Empty(Tos.ItemsViolated([OffenceCategory.Terrorism], new LocalDate(2024, 9, 22)));
        Assert.Equal([TosItem.IllegalInMajorityOfCountries], Tos.ItemsViolated([OffenceCategory.Terrorism], new LocalDate(2024, 9, 23)));
    }

    [Fact]
    public void ItemsViolated_FraudAndPublicIncitement_MapToItemsOneAndTwo()
    {
        Assert.Equal(
            [TosItem.SpamOrScam, TosItem.PublicViolencePromotion],
            Tos.ItemsViolated([OffenceCategory.PublicIncitementToViolence, OffenceCategory.FraudOrScam], new LocalDate(2022, 1, 1)));
    }

    // Item 1 names spam and scams alike; item 4 covers what the large majority of States criminalise. Whether the case is
    // criminal is V2's proceeding test, not the mapping's.
    [Theory]
    [InlineData(OffenceCategory.Spam, TosItem.SpamOrScam)]
    [InlineData(OffenceCategory.FraudOrScam, TosItem.SpamOrScam)]
    [InlineData(OffenceCategory.MoneyLaundering, TosItem.IllegalInMajorityOfCountries)]
    [InlineData(OffenceCategory.AttacksOnInformationSystems, TosItem.IllegalInMajorityOfCountries)]
    public void ItemsViolated_OffenceMeetingAnItemsWords_MapsToIt(OffenceCategory offence, TosItem item)
    {
        Assert.Equal([item], Tos.ItemsViolated([offence], BuiltInRules.V2Start));
    }

    [Fact]
    public void ItemsViolated_MoneyLaunderingTheDayBeforeItemFour_ViolatesNothing()
    {
        Assert.Empty(Tos.ItemsViolated([OffenceCategory.MoneyLaundering], new LocalDate(2024, 9, 22)));
        Assert.Equal([TosItem.SpamOrScam], Tos.ItemsViolated([OffenceCategory.Spam], new LocalDate(2024, 9, 22)));
    }

    [Fact]
    public void ItemsViolated_UnmappedOffences_ViolateNothing()
    {
        Assert.Empty(Tos.ItemsViolated(SpecOracle.TosUnmapped, new LocalDate(2026, 1, 1)));
        Assert.Empty(Tos.ItemsViolated([OffenceCategory.Unspecified, (OffenceCategory)99], new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Mappings_CoverExactlyTheClearCases()
    {
        Assert.Equal(SpecOracle.TosMapped.Order(), Tos.Mappings.Select(m => m.Offence).Order());
        Assert.All(Tos.Mappings, m => Assert.Single(m.Items));
    }

    [Fact]
    public void Entries_CarryTheExactWording()
    {
        Assert.Equal("Use our service to send spam or scam users.", Tos.Entries[0].Wording);
        TosCatalogueEntry four = Assert.Single(Tos.Entries, e => e.Item == TosItem.IllegalInMajorityOfCountries);
        Assert.StartsWith("Engage in activities that are recognized as illegal in the majority of countries.", four.Wording, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2024, 9, 23), four.InForceFrom);
        Assert.Null(four.InForceUntil);
    }

    [Fact]
    public void Entry_WithAnEnd_IsInForceUpToAndIncludingIt()
    {
        var entry = new TosCatalogueEntry(TosItem.SpamOrScam, "Spam.", new LocalDate(2021, 1, 1), new LocalDate(2021, 12, 31));
        var catalogue = new TosCatalogue([entry], [new OffenceMapping(OffenceCategory.Spam, TosItem.SpamOrScam)]);

        Assert.True(entry.IsInForceOn(new LocalDate(2021, 12, 31)));
        Assert.False(entry.IsInForceOn(new LocalDate(2022, 1, 1)));
        Assert.Equal([TosItem.SpamOrScam], catalogue.ItemsViolated([OffenceCategory.Spam], new LocalDate(2021, 6, 1)));
        Assert.Empty(catalogue.ItemsViolated([OffenceCategory.Spam], new LocalDate(2022, 6, 1)));
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.Empty(TosCatalogue.Empty.Entries);
        Assert.Empty(TosCatalogue.Empty.Mappings);
        Assert.Empty(TosCatalogue.Empty.ItemsViolated(SpecOracle.TosMapped, new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Constructor_NullEntryOrMapping_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new TosCatalogue([null!], []));
        Assert.Throws<ArgumentNullException>(() => new TosCatalogue([], [null!]));
        Assert.Throws<ArgumentNullException>(() => Tos.ItemsViolated(null!, new LocalDate(2026, 1, 1)));
    }
}
