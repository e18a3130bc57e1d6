using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

/// <summary>Condition factories reject values that are not facts, and conditions render as readable text.</summary>
public class ConditionTests
{
    /// <summary>Every typed factory, called with <c>Unspecified</c>.</summary>
    public static TheoryData<string> Factories() =>
    [
        "instrument", "authority", "proceeding", "recipient", "verification", "analysis", "status", "offence", "tos", "category",
    ];

    private static Condition Make(string factory, int value) => factory switch
    {
        "instrument" => Condition.InstrumentIs((InstrumentKind)value),
        "authority" => Condition.AuthorityIs((IssuingAuthorityKind)value),
        "proceeding" => Condition.ProceedingIs((ProceedingKind)value),
        "recipient" => Condition.RecipientIs((RecipientKind)value),
        "verification" => Condition.VerificationIs((OriginVerification)value),
        "analysis" => Condition.LegalAnalysisIs((LegalAnalysisOutcome)value),
        "status" => Condition.StatusIs((SubjectStatus)value),
        "offence" => Condition.OffenceIsAnyOf((OffenceCategory)value),
        "tos" => Condition.TosItemIsAnyOf((TosItem)value),
        _ => Condition.DataCategoryIs((DataCategory)value),
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_Unspecified_IsRejectedNamingTheAcceptedValues(string factory)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Make(factory, 0));

        Assert.Equal("values", error.ParamName);
        Assert.Contains("'Unspecified' is not a value of", error.Message, StringComparison.Ordinal);
        Assert.Contains("accepted: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_UndefinedValue_IsRejected(string factory)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Make(factory, 63));

        Assert.Contains("'63' is not a value of", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_FirstRealValue_Builds(string factory)
    {
        Condition condition = Make(factory, 1);

        FactCondition test = Assert.IsType<FactCondition>(condition);
        Assert.Single(test.Values);
        Assert.Equal([test.Fact], condition.Facts);
    }

    [Fact]
    public void Factory_NoValue_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Condition.StatusIs());

        Assert.Equal("A test of SubjectStatus needs at least one value. (Parameter 'values')", error.Message);
    }

    [Fact]
    public void Factory_NullValues_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => Condition.InstrumentIs((IEnumerable<InstrumentKind>)null!));
    }

    [Theory]
    [InlineData(Fact.Instrument)]
    [InlineData(Fact.SubjectStatus)]
    [InlineData(Fact.Jurisdiction)]
    [InlineData(Fact.Unspecified)]
    [InlineData((Fact)99)]
    public void IsTrue_NotAYesNoFact_IsRejected(Fact fact)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Condition.IsTrue(fact));

        Assert.Equal("fact", error.ParamName);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("UK")]
    [InlineData("")]
    public void JurisdictionIs_UnknownCode_IsRejected(string code)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Condition.JurisdictionIs("DE", code));

        Assert.Contains($"'{code}' is not an ISO 3166-1 alpha-2 country code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JurisdictionIs_NoCode_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Condition.JurisdictionIs());
    }

    [Fact]
    public void JurisdictionIs_Codes_AreNormalizedDeduplicatedAndSorted()
    {
        var condition = Assert.IsType<JurisdictionCondition>(Condition.JurisdictionIs(" fr", "DE", "de"));

        Assert.Equal(["DE", "FR"], condition.Codes);
        Assert.Equal("issuing jurisdiction is DE, FR", condition.ToString());
        Assert.Equal([Fact.Jurisdiction], condition.Facts);
    }

    [Fact]
    public void FactTest_Values_AreDeduplicatedInDeclarationOrder()
    {
        var condition = Assert.IsType<FactCondition>(
            Condition.AuthorityIs(IssuingAuthorityKind.Judge, IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge));

        Assert.Equal(["Court", "Judge"], condition.Values);
        Assert.Equal(Fact.AuthorityKind, condition.Fact);
    }

    [Theory]
    [InlineData("authority", "issuing authority is Court, Judge or InvestigatingJudge")]
    [InlineData("instrument", "instrument is CourtOrder")]
    [InlineData("offence", "offences include Terrorism")]
    [InlineData("tos", "Terms-of-Service items include any of SpamOrScam or PublicViolencePromotion")]
    [InlineData("emergency", "emergency claimed")]
    [InlineData("categories", "data category is IpAddress or PhoneNumber")]
    [InlineData("not", "not (issuing authority is Court and order valid)")]
    [InlineData("any", "recipient is Lawyer or (legal analysis is Failed and subject status is Witness)")]
    [InlineData("always", "always")]
    [InlineData("never", "never")]
    [InlineData("single", "origin verification is Unverified or FailedVerification")]
    public void ToString_RendersTheConditionInWords(string shape, string expected)
    {
        Condition condition = shape switch
        {
            "authority" => Condition.AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge),
            "instrument" => Condition.InstrumentIs(InstrumentKind.CourtOrder),
            "offence" => Condition.OffenceIsAnyOf(OffenceCategory.Terrorism),
            "tos" => Condition.TosItemIsAnyOf(TosItem.PublicViolencePromotion, TosItem.SpamOrScam),
            "emergency" => Condition.IsTrue(Fact.EmergencyClaim),
            "categories" => Condition.DataCategoryIs(DataCategory.PhoneNumber, DataCategory.IpAddress),
            "not" => Condition.Not(Condition.All(Condition.AuthorityIs(IssuingAuthorityKind.Court), Condition.IsTrue(Fact.OrderValid))),
            "any" => Condition.Any(
                Condition.RecipientIs(RecipientKind.Lawyer),
                Condition.All(Condition.LegalAnalysisIs(LegalAnalysisOutcome.Failed), Condition.StatusIs(SubjectStatus.Witness))),
            "always" => Condition.All(),
            "never" => Condition.Any(),
            _ => Condition.All(Condition.VerificationIs(OriginVerification.FailedVerification, OriginVerification.Unverified)),
        };

        Assert.Equal(expected, condition.ToString());
    }

    [Fact]
    public void Composite_FactsAndLevel_AreTheUnionAndTheFinestLevel()
    {
        Condition condition = Condition.Any(
            Condition.DataCategoryIs(DataCategory.Media),
            Condition.Not(Condition.StatusIs(SubjectStatus.Suspect)),
            Condition.IsTrue(Fact.OrderValid),
            Condition.StatusIs(SubjectStatus.Accused));

        Assert.Equal([Fact.OrderValid, Fact.SubjectStatus, Fact.DataCategory], condition.Facts);
        Assert.Equal(FactLevel.DataItem, condition.Level);
        Assert.Equal(FactLevel.Subject, Condition.OffenceIsAnyOf(OffenceCategory.Spam).Level);
        Assert.Equal(FactLevel.Order, Condition.IsTrue(Fact.PreservationOnly).Level);
        Assert.Equal(FactLevel.Order, Condition.Always.Level);
        Assert.Empty(Condition.Never.Facts);
    }

    [Fact]
    public void Composite_NullOperand_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => Condition.All(Condition.Always, null!));
        Assert.Throws<ArgumentNullException>(() => Condition.Any(null!, Condition.Never));
        Assert.Throws<ArgumentNullException>(() => Condition.Not(null!));
    }

    [Fact]
    public void Composite_Operands_AreExposedInOrder()
    {
        Condition a = Condition.IsTrue(Fact.EmergencyClaim);
        Condition b = Condition.IsTrue(Fact.PreservationOnly);

        Assert.Equal([a, b], Assert.IsType<AllCondition>(Condition.All(a, b)).Operands);
        Assert.Equal([b, a], Assert.IsType<AnyCondition>(Condition.Any(b, a)).Operands);
        Assert.Same(a, Assert.IsType<NotCondition>(Condition.Not(a)).Operand);
    }
}
