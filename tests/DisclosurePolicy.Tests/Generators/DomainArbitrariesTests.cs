using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Testing.Internal;
using DisclosurePolicy.Tests.Support;
using FsCheck.Fluent;
using Xunit;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>
/// Checks on the generators themselves, so the properties built on them cannot pass vacuously: valid requests validate,
/// invalid ones do not, and the samples reach every version, every outcome and every enum member.
/// </summary>
public class DomainArbitrariesTests
{
    private const int SampleSize = 2_000;

    private static readonly LegalRequest[] ValidSample = [.. DomainArbitraries.ValidRequestGen.Sample(SampleSize, 50)];

    [Fact]
    public void ValidRequestGen_EverySample_Validates()
    {
        Assert.All(ValidSample, r => Assert.True(r.Validate().IsValid, $"{RequestFacts.Describe(r)}: {r.Validate()}"));
    }

    [Fact]
    public void InvalidRequestGen_EverySample_FailsValidation()
    {
        InvalidRequest[] sample = [.. DomainArbitraries.InvalidRequestGen.Sample(SampleSize, 50)];

        Assert.All(sample, i => Assert.False(i.Request.Validate().IsValid, i.ToString()));
        Assert.Contains(sample, i => i.ExpectedPaths.Count == 3);
    }

    [Fact]
    public void ValidRequestGen_Sample_ReachesEveryVersionAndOutcome()
    {
        DisclosureEngine engine = Engines.BuiltIn();
        Decision[] decisions = [.. ValidSample.Select(engine.Evaluate)];

        Assert.Equal(["V0", "V1", "V2"], decisions.Select(d => d.VersionId!).Distinct().Order());
        Assert.Equal(
            [DecisionOutcome.MayDisclose, DecisionOutcome.PartiallyPermitted, DecisionOutcome.PendingLegalAnalysis, DecisionOutcome.Deny, DecisionOutcome.NotApplicable],
            decisions.Select(d => d.Outcome).Distinct().Order());

        // The permit properties ask for V1 and V2 by name: about a quarter of the sample is permitted under each, so
        // they check real permits. One in twenty leaves a wide margin for sampling noise.
        int v1 = ValidSample.Count(r => engine.Evaluate(r, "V1").IsPermitted);
        int v2 = ValidSample.Count(r => engine.Evaluate(r, "V2").IsPermitted);
        Assert.True(v1 > SampleSize / 20, $"{v1} V1 permits");
        Assert.True(v2 > SampleSize / 20, $"{v2} V2 permits");
    }

    [Fact]
    public void ValidRequestGen_Sample_UsesEveryEnumMemberAndSubjectCount()
    {
        Assert.Equal(DomainArbitraries.Members<InstrumentKind>(), ValidSample.Select(r => r.Instrument).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<IssuingAuthorityKind>(), ValidSample.Select(r => r.Authority.Kind).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<ProceedingKind>(), ValidSample.Select(r => r.Proceeding).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<RecipientKind>(), ValidSample.Select(r => r.Recipient).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<OriginVerification>(), ValidSample.Select(r => r.Provenance.Verification).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<LegalAnalysisOutcome>(), ValidSample.Select(r => r.LegalAnalysis.Outcome).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<SubjectStatus>(), ValidSample.SelectMany(r => r.Subjects).Select(s => s.Status).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<OffenceCategory>(), ValidSample.SelectMany(r => r.Subjects).SelectMany(s => s.Offences).Distinct().Order());
        Assert.Equal(DomainArbitraries.Members<DataCategory>(), ValidSample.SelectMany(r => r.RequestedData).Distinct().Order());
        Assert.Equal([1, 2, 3], ValidSample.Select(r => r.Subjects.Count).Where(n => n <= 3).Distinct().Order());
        Assert.Equal([1, 2, 3, 4], ValidSample.Select(r => r.RequestedData.Count).Distinct().Order());
    }
}
