using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Serialization;

/// <summary>The outcome of reading one request from JSON: the request when its shape could be read, and every problem found.</summary>
/// <remarks>
/// <para>Problems include shape problems (missing, mistyped, unknown or unparsable fields) and the request's own
/// validation problems, so one read reports everything. <see cref="Request"/> is set whenever the shape was readable,
/// even if the request is invalid, so a host can still record the engine's (fail-closed) decision on it.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RequestReadResult
{
    internal RequestReadResult(int? index, LegalRequest? request, ValidationResult problems)
    {
        Index = index;
        Request = request;
        Problems = problems;
    }

    /// <summary>Gets the position of the request in a JSON array, or <see langword="null"/> for a single object.</summary>
    public int? Index { get; }

    /// <summary>Gets the request, or <see langword="null"/> when its shape could not be read.</summary>
    public LegalRequest? Request { get; }

    /// <summary>Gets every problem found; valid when there are none.</summary>
    public ValidationResult Problems { get; }

    /// <summary>Gets a value indicating whether the request was read and is valid.</summary>
    public bool IsValid => Request is not null && Problems.IsValid;
}
