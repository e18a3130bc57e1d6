using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Comparison;

public class RequestComparerTests
{
    private static readonly VersionDifference V1ToV2 = VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2);

    private readonly RequestComparer _comparer = new(Engines.BuiltIn());

    [Fact]
    public void Compare_DrugCaseUnderV1AndV2_NamesTheClausesOfTheChange()
    {
        LegalRequest request = Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress, DataCategory.PhoneNumber, DataCategory.Contacts]);

        RequestComparison comparison = _comparer.Compare(request, BuiltInRules.V1, BuiltInRules.V2);

        Assert.Equal(DecisionOutcome.Deny, comparison.Left.Outcome);
        Assert.Equal(DecisionOutcome.PartiallyPermitted, comparison.Right.Outcome);
        Assert.True(comparison.OutcomeChanged);
        Assert.Equal(3, comparison.Items.Count);
        Assert.Equal([DataCategory.IpAddress, DataCategory.PhoneNumber], comparison.Changes.Select(c => c.Category));
        ItemComparison ip = comparison.Changes[0];
        Assert.Equal((ItemOutcome.Denied, ItemOutcome.Permitted), (ip.LeftOutcome, ip.RightOutcome));
        Assert.Equal(["8.3-2018/terror"], ip.LeftReasons.Select(r => r.ClauseId));
        Assert.Equal([ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect], ip.RightReasons.Select(r => r.Code));
        Assert.Equal([ReasonCodes.NotTerrorSuspect, ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect], ip.Accounting.Select(r => r.Code));
        Assert.Equal("a terror suspect", ip.Accounting[0].Wording);

        // Contacts are refused by both texts, for the same reason.
        ItemComparison contacts = comparison.Items[2];
        Assert.False(contacts.IsChanged);
        Assert.Empty(contacts.Accounting);
        Assert.Contains(contacts.LeftReasons, r => r.Code == ReasonCodes.DataCategoryNotDisclosable);
        Assert.Contains(contacts.RightReasons, r => r.Code == ReasonCodes.DataCategoryNotDisclosable);
    }

    [Fact]
    public void Compare_TerrorCaseWithoutAnalysis_MovesFromPermittedToPending()
    {
        LegalRequest request = Some.With(Some.V1Permitted(), analysis: LegalAnalysisOutcome.NotPerformed);

        RequestComparison comparison = _comparer.Compare(request, "V1", "v2");

        Assert.Equal((DecisionOutcome.MayDisclose, DecisionOutcome.PendingLegalAnalysis), (comparison.Left.Outcome, comparison.Right.Outcome));
        Assert.All(comparison.Items, i => Assert.Equal((ItemOutcome.Permitted, ItemOutcome.PendingLegalAnalysis), (i.LeftOutcome, i.RightOutcome)));
        ItemComparison ip = comparison.Items[0];
        Assert.Equal([ReasonCodes.CourtOrderConfirmsTerrorSuspect, ReasonCodes.PendingLegalAnalysis], ip.Accounting.Select(r => r.Code));
        Assert.Equal("8.3-2024/analysis-pending", ip.RightReasons.Single().ClauseId);
    }

    [Fact]
    public void Compare_ByDates_UsesTheVersionsInForceThen()
    {
        LegalRequest request = Some.V2Permitted();

        RequestComparison comparison = _comparer.Compare(request, Some.V1Day, Some.V2Day);

        Assert.Equal(("V1", "V2"), (comparison.Left.VersionId, comparison.Right.VersionId));
        Assert.Equal(2, comparison.Changes.Count);
        RequestComparison same = _comparer.Compare(request, Some.V2Day, Some.V2Day.PlusDays(30));
        Assert.False(same.HasChanges);
        Assert.Empty(same.Changes);
        RequestComparison before = _comparer.Compare(request, new LocalDate(2017, 1, 1), Some.V2Day);
        Assert.Equal("V0", before.Left.VersionId);
        Assert.Equal([ReasonCodes.NoDisclosureClauseInForce], before.Changes[0].LeftReasons.Select(r => r.Code).Distinct());
    }

    [Fact]
    public void Compare_UnknownVersionId_DeniesThatSideWithAReason()
    {
        RequestComparison comparison = _comparer.Compare(Some.V2Permitted(), "V9", "V2");

        Assert.Equal(DecisionOutcome.Deny, comparison.Left.Outcome);
        Assert.All(comparison.Changes, c => Assert.Contains(c.LeftReasons, r => r.Code == ReasonCodes.UnknownVersion));
        Assert.Equal(2, comparison.Changes.Count);
    }

    [Fact]
    public void Compare_InvalidRequest_DeniesBothSidesAlikeWithoutThrowing()
    {
        LegalRequest invalid = Some.With(Some.V2Permitted(), jurisdiction: "ZZ");

        RequestComparison comparison = _comparer.Compare(invalid, BuiltInRules.V1, BuiltInRules.V2);

        Assert.Equal(DecisionOutcome.Deny, comparison.Left.Outcome);
        Assert.Equal(DecisionOutcome.Deny, comparison.Right.Outcome);
        Assert.False(comparison.HasChanges);
        Assert.All(comparison.Items, i => Assert.Contains(i.LeftReasons, r => r.Code == ReasonCodes.InsufficientInformation));
    }

    [Fact]
    public void Compare_TwoSubjects_ReportsEachAccountSeparately()
    {
        LegalRequest request = Some.With(
            Some.V2Permitted(),
            subjects: [new Subject("user:terror", SubjectStatus.Accused, OffenceCategory.Terrorism), new Subject("user:witness", SubjectStatus.Witness, OffenceCategory.Terrorism)],
            relevant: false);

        RequestComparison comparison = _comparer.Compare(request, BuiltInRules.V1, BuiltInRules.V2);

        Assert.Equal(4, comparison.Items.Count);
        Assert.Equal(["user:terror", "user:terror"], comparison.Changes.Select(c => c.AccountReference));
        Assert.All(comparison.Changes, c => Assert.Contains(c.Accounting, r => r.ClauseId == "8.3-2024/relevant"));
        Assert.All(comparison.Items.Where(i => i.AccountReference == "user:witness"), i =>
        {
            Assert.False(i.IsChanged);
            Assert.Contains(i.LeftReasons, r => r.Code == ReasonCodes.SubjectNotConfirmedSuspect && r.AccountReference == "user:witness");
        });
    }

    [Fact]
    public void Explain_ChangedRequest_ListsEachItemAndTheClausesOnEachSide()
    {
        string text = _comparer.Compare(Some.V2Permitted(), BuiltInRules.V1, BuiltInRules.V2).Explain();

        Assert.StartsWith("Request REQ-2025-001: V1 Deny -> V2 MayDisclose", text, StringComparison.Ordinal);
        Assert.Contains("- user:1001 / IpAddress: Denied -> Permitted", text, StringComparison.Ordinal);
        Assert.Contains("    V1: NotTerrorSuspect (8.3-2018/terror, \"a terror suspect\"): The case must involve terrorism.", text, StringComparison.Ordinal);
        Assert.Contains("    V2: JudicialOrderConfirmsTosCriminalSuspect (8.3-2024/disclose", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_DecisionsOnDifferentRequests_Throws()
    {
        DisclosureEngine engine = Engines.BuiltIn();
        Decision one = engine.Evaluate(Some.V2Permitted("A"));
        Decision other = engine.Evaluate(Some.V2Permitted("B"));

        Assert.Throws<ArgumentException>(() => RequestComparison.Between(one, other));
        Assert.Throws<ArgumentNullException>(() => RequestComparison.Between(one, null!));
        Assert.False(RequestComparison.Between(one, one).HasChanges);
    }

    [Fact]
    public void Compare_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new RequestComparer(null!));
        Assert.Throws<ArgumentNullException>(() => _comparer.Compare(null!, BuiltInRules.V1, BuiltInRules.V2));
        Assert.Throws<ArgumentNullException>(() => _comparer.Compare(Some.V2Permitted(), null!, BuiltInRules.V2));
        Assert.Throws<ArgumentNullException>(() => _comparer.Compare(Some.V2Permitted(), "V1", null!));
    }

    [Property(Arbitrary = [typeof(ComparisonArbitraries)], MaxTest = 200)]
    public void Compare_RandomRequest_AgreesWithTheWholeDomainRegionsAndTheWordings(LegalRequest request)
    {
        RequestComparison comparison = _comparer.Compare(request, BuiltInRules.V1, BuiltInRules.V2);

        int i = 0;
        foreach (Subject subject in request.Subjects)
        {
            foreach (DataCategory category in request.RequestedData)
            {
                ItemComparison item = comparison.Items[i++];
                Assert.Equal(RuleWordings.V1(request, subject, category), item.LeftOutcome);
                Assert.Equal(RuleWordings.V2(request, subject, category), item.RightOutcome);
                DifferenceRegion? region = V1ToV2.FindRegion(request, subject, category);
                Assert.Equal(item.IsChanged, region is not null);
                if (region is not null)
                {
                    Assert.Equal((item.LeftOutcome, item.RightOutcome), (region.LeftOutcome, region.RightOutcome));
                    Assert.NotEmpty(item.Accounting);
                }
            }
        }
    }
}
