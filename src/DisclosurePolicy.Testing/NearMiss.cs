using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Testing;

/// <summary>
/// A near miss of a permit: a request a version permits with one fact changed, so that exactly one of the version's clauses
/// stops the permit (a deny, not-applicable or pending clause fires, and no other). Near misses probe each clause at its edge.
/// </summary>
/// <remarks><para>Both requests ask for one data category for one account. Immutable and safe to share across threads.</para></remarks>
public sealed class NearMiss
{
    internal NearMiss(string versionId, LegalRequest permitted, LegalRequest request, string change, string brokenClauseId)
    {
        VersionId = versionId;
        Permitted = permitted;
        Request = request;
        Change = change;
        BrokenClauseId = brokenClauseId;
    }

    /// <summary>Gets the id of the version the near miss was found for.</summary>
    public string VersionId { get; }

    /// <summary>Gets the request the version permits.</summary>
    public LegalRequest Permitted { get; }

    /// <summary>Gets the same request with one fact changed, which the version does not permit.</summary>
    public LegalRequest Request { get; }

    /// <summary>Gets the change in words, such as <c>legalAnalysis.outcome: Passed -> Failed</c>.</summary>
    public string Change { get; }

    /// <summary>Gets the id of the one clause that stops the permit, such as <c>8.3-2024/legal-analysis-failed</c>.</summary>
    public string BrokenClauseId { get; }

    /// <summary>Returns the change, the clause it breaks and the request as JSON.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{VersionId}: {Change} breaks {BrokenClauseId} in{Environment.NewLine}{RequestJson.Write(Request)}";
}
