using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// Which recorded histories to read: all of them, or those of one requesting country, received within a period, decided
/// under one rule version, or any combination of these.
/// </summary>
/// <remarks>
/// <para>Each criterion is a column a database store indexes: the request's jurisdiction code, its
/// <see cref="Requests.LegalRequest.ReceivedOn"/> date and the <see cref="DecisionRecord.VersionId"/>. Criteria combine
/// with "and". Immutable and safe to share across threads; each <c>With…</c> method returns a new query.</para>
/// </remarks>
public sealed class RecordQuery
{
    private RecordQuery(string? country, DateInterval? receivedOn, string? versionId)
    {
        Country = country;
        ReceivedOn = receivedOn;
        VersionId = versionId;
    }

    /// <summary>Gets the query that selects every history.</summary>
    public static RecordQuery All { get; } = new(null, null, null);

    /// <summary>Gets the requesting country's ISO 3166-1 alpha-2 code the histories must have, or <see langword="null"/> for any.</summary>
    public string? Country { get; }

    /// <summary>Gets the dates (both ends included) the requests must have been received on, or <see langword="null"/> for any.</summary>
    public DateInterval? ReceivedOn { get; }

    /// <summary>Gets the id of the rule version that must have decided, or <see langword="null"/> for any.</summary>
    public string? VersionId { get; }

    /// <summary>Returns this query restricted to one requesting country.</summary>
    /// <param name="country">The ISO 3166-1 alpha-2 code, compared ordinally (as decisions write it, upper case).</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentException"><paramref name="country"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="country"/> is <see langword="null"/>.</exception>
    public RecordQuery WithCountry(string country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        return new(country, ReceivedOn, VersionId);
    }

    /// <summary>Returns this query restricted to requests received on the given dates.</summary>
    /// <param name="receivedOn">The dates, both ends included.</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="receivedOn"/> is <see langword="null"/>.</exception>
    public RecordQuery WithReceivedOn(DateInterval receivedOn)
    {
        ArgumentNullException.ThrowIfNull(receivedOn);
        return new(Country, receivedOn, VersionId);
    }

    /// <summary>Returns this query restricted to decisions made under one rule version.</summary>
    /// <param name="versionId">The version id, compared ordinally.</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="versionId"/> is <see langword="null"/>.</exception>
    public RecordQuery WithVersion(string versionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return new(Country, ReceivedOn, versionId);
    }

    /// <summary>Returns whether a history meets every criterion of the query.</summary>
    /// <param name="history">The history.</param>
    /// <returns><see langword="true"/> when the query selects it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public bool Matches(RequestHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        DecisionRecord record = history.Decision;
        return (Country is null || string.Equals(Country, record.Jurisdiction, StringComparison.Ordinal))
            && (ReceivedOn is null || ReceivedOn.Contains(record.Request.ReceivedOn))
            && (VersionId is null || string.Equals(VersionId, record.VersionId, StringComparison.Ordinal));
    }

    /// <summary>Returns the criteria in words.</summary>
    /// <returns>For example <c>country DE, received 2025-01-01..2025-03-31</c>, or <c>all records</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Country is not null)
        {
            parts.Add($"country {Country}");
        }

        if (ReceivedOn is not null)
        {
            parts.Add($"received {IsoDates.Format(ReceivedOn.Start)}..{IsoDates.Format(ReceivedOn.End)}");
        }

        if (VersionId is not null)
        {
            parts.Add($"version {VersionId}");
        }

        return parts.Count == 0 ? "all records" : string.Join(", ", parts);
    }
}
