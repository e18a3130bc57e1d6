using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Support;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>A generated request with one to three injected problems, and the validation path each problem must be reported at.</summary>
/// <param name="Request">The request.</param>
/// <param name="ExpectedPaths">For every injected problem, the path validation must name.</param>
public sealed record InvalidRequest(LegalRequest Request, IReadOnlyList<string> ExpectedPaths)
{
    /// <inheritdoc/>
    public override string ToString() => $"expected problems at [{string.Join(", ", ExpectedPaths)}] in {RequestFacts.Describe(Request)}";
}
