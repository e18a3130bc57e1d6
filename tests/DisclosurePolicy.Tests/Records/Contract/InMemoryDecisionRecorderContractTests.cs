using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Tests.Records.Contract;

public sealed class InMemoryDecisionRecorderContractTests : DecisionRecorderContractTests
{
    protected override Task<IDecisionRecorder> CreateAsync() => Task.FromResult<IDecisionRecorder>(new InMemoryDecisionRecorder());
}
