using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Reporting;

/// <summary>How many requests of one instrument kind were received and fulfilled.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares every member.</para></remarks>
public sealed record InstrumentCount
{
    /// <summary>Initializes a new instance of the <see cref="InstrumentCount"/> class.</summary>
    /// <param name="instrument">The instrument kind.</param>
    /// <param name="received">The number of requests of that kind.</param>
    /// <param name="fulfilled">The number of them with at least one item disclosed.</param>
    public InstrumentCount(InstrumentKind instrument, int received, int fulfilled)
    {
        Instrument = instrument;
        Received = received;
        Fulfilled = fulfilled;
    }

    /// <summary>Gets the instrument kind.</summary>
    public InstrumentKind Instrument { get; }

    /// <summary>Gets the number of requests of that kind.</summary>
    public int Received { get; }

    /// <summary>Gets the number of them with at least one item disclosed.</summary>
    public int Fulfilled { get; }
}
