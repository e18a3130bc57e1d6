namespace DisclosurePolicy.Requests;

/// <summary>How a request arrived and whether its origin was verified.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares channel and verification.</para></remarks>
public sealed record Provenance
{
    /// <summary>Initializes a new instance of the <see cref="Provenance"/> class.</summary>
    /// <param name="channel">The channel the request arrived through.</param>
    /// <param name="verification">Whether its origin was verified.</param>
    public Provenance(RequestChannel channel, OriginVerification verification)
    {
        Channel = channel;
        Verification = verification;
    }

    /// <summary>Gets the channel the request arrived through.</summary>
    public RequestChannel Channel { get; }

    /// <summary>Gets whether the request's origin was verified.</summary>
    public OriginVerification Verification { get; }
}
