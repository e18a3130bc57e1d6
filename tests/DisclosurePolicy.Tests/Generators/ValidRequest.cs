using DisclosurePolicy.Requests;
using DisclosurePolicy.Tests.Support;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>A generated request that passes validation; its text is the request's facts, so a failing property shows them.</summary>
/// <param name="Request">The request.</param>
public sealed record ValidRequest(LegalRequest Request)
{
    /// <inheritdoc/>
    public override string ToString() => RequestFacts.Describe(Request);
}
