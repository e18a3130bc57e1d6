using DisclosurePolicy.Requests;
using DisclosurePolicy.Testing.Internal;

namespace DisclosurePolicy.Testing;

/// <summary>A generated request with one to three injected problems, and the validation path at which each must be reported.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class InvalidRequest
{
    internal InvalidRequest(LegalRequest request, IEnumerable<string> expectedPaths)
    {
        Request = request;
        ExpectedPaths = Array.AsReadOnly(expectedPaths.ToArray());
    }

    /// <summary>Gets the request.</summary>
    public LegalRequest Request { get; }

    /// <summary>Gets, for every injected problem, the path validation must name (such as <c>subjects[1].status</c>).</summary>
    public IReadOnlyList<string> ExpectedPaths { get; }

    /// <summary>Returns the expected paths and the request's facts on one line (an invalid request may have no JSON form).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"expected problems at [{string.Join(", ", ExpectedPaths)}] in {RequestFacts.Describe(Request)}";
}
