using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Testing;

/// <summary>A generated request that passes validation. Its text is the request as JSON, so a failing property shows it in
/// the documented request format, ready to paste into a case file.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ValidRequest
{
    /// <summary>Initializes a new instance of the <see cref="ValidRequest"/> class.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ValidRequest(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
    }

    /// <summary>Gets the request.</summary>
    public LegalRequest Request { get; }

    /// <summary>Returns the request as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => RequestJson.Write(Request);
}
