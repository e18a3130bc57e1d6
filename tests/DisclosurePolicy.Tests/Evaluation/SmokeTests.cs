using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DisclosurePolicy.Tests.Evaluation;

public class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_V2Permitted_MayDisclose()
    {
        Decision d = Engines.BuiltIn().Evaluate(Some.V2Permitted());
        output.WriteLine(d.Explain());
        Assert.Equal(DecisionOutcome.MayDisclose, d.Outcome);
    }

    [Fact]
    public void Evaluate_V1Permitted_MayDisclose()
    {
        Decision d = Engines.BuiltIn().Evaluate(Some.V1Permitted());
        output.WriteLine(d.Explain());
        Assert.Equal(DecisionOutcome.MayDisclose, d.Outcome);
    }

    [Fact]
    public void Evaluate_Broken_Denies()
    {
        Decision d = Engines.BuiltIn().Evaluate(Some.With(Some.V2Permitted(), authority: DisclosurePolicy.Requests.IssuingAuthorityKind.PublicProsecutor, valid: false, data: [DisclosurePolicy.Requests.DataCategory.IpAddress, DisclosurePolicy.Requests.DataCategory.Contacts], analysis: DisclosurePolicy.Requests.LegalAnalysisOutcome.NotPerformed));
        output.WriteLine(d.Explain());
        Assert.Equal(DecisionOutcome.Deny, d.Outcome);
    }
}
