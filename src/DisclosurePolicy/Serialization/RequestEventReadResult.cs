using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Serialization;

/// <summary>The outcome of reading one event of a request's life from JSON: the event when it could be read, and every problem found.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class RequestEventReadResult
{
    internal RequestEventReadResult(RequestEvent? requestEvent, ValidationResult problems)
    {
        Event = requestEvent;
        Problems = problems;
    }

    /// <summary>Gets the event, or <see langword="null"/> when it could not be read.</summary>
    public RequestEvent? Event { get; }

    /// <summary>Gets every problem found, each with its path; valid when there are none.</summary>
    public ValidationResult Problems { get; }

    /// <summary>Gets a value indicating whether the event was read without problems.</summary>
    public bool IsValid => Event is not null && Problems.IsValid;
}
