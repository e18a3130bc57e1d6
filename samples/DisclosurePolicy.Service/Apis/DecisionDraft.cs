using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Service.Apis;

/// <summary>Reads a submitted request with the library's reader, decides it and makes its decision record; every problem
/// of the input (the body's, then the query's) is collected before anything is decided.</summary>
internal static class DecisionDraft
{
    /// <summary>Returns the record of the decision on the body's request, or every problem that stops it.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="body">The request in the documented request format.</param>
    /// <param name="receivedAt">The receipt instant (ISO 8601, UTC); <see langword="null"/> for the start of the request's
    /// <c>receivedOn</c> day in the engine's zone.</param>
    /// <param name="versionId">A version to decide under instead of the one in force on the receipt date.</param>
    /// <param name="problems">Receives every problem.</param>
    public static DecisionRecord? Decide(DisclosureEngine engine, string body, string? receivedAt, string? versionId, List<ValidationProblem> problems)
    {
        ReadResult<LegalRequest> read = RequestJson.Read(body);
        problems.AddRange(read.Problems.Problems);
        Instant? at = null;
        if (receivedAt is not null)
        {
            ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(receivedAt.Trim());
            if (parsed.Success)
            {
                at = parsed.Value;
            }
            else
            {
                problems.Add(new("receivedAt", receivedAt, "not an instant in ISO 8601 UTC, such as 2025-02-10T09:30:00Z"));
            }
        }

        Policy policy = engine.Policy;
        RuleVersion? named = null;
        if (versionId is not null && (named = policy.FindVersion(versionId.Trim())) is null)
        {
            problems.Add(new("version", versionId, $"no such version; the policy {policy.Id} has {string.Join(", ", policy.Versions.Select(v => v.Id))}"));
        }

        if (problems.Count > 0 || !read.IsValid)
        {
            return null;
        }

        LegalRequest request = read.Value!;
        DateTimeZone zone = engine.Zone;
        Instant received = at ?? request.ReceivedOn.AtStartOfDayInZone(zone).ToInstant();
        if (at is Instant given && given.InZone(zone).Date != request.ReceivedOn)
        {
            problems.Add(new("receivedAt", receivedAt, $"falls on {LocalDatePattern.Iso.Format(given.InZone(zone).Date)} in {zone.Id}, not on the request's receivedOn ({LocalDatePattern.Iso.Format(request.ReceivedOn)})"));
            return null;
        }

        // The version is taken from the same rules as the one read above, and the request decided under it, so a reload
        // in between cannot pair a decision with another rule set's version of the same id.
        RuleVersion? version = named ?? policy.VersionInForceOn(request.ReceivedOn, request.Jurisdiction);
        Decision decision = version is null ? engine.Evaluate(request) : engine.Evaluate(request, version);
        if (received > decision.DecidedAt)
        {
            problems.Add(at is null
                ? new("receivedOn", LocalDatePattern.Iso.Format(request.ReceivedOn), $"after today ({LocalDatePattern.Iso.Format(engine.Today)} in {zone.Id}); a request is recorded once it was received")
                : new("receivedAt", receivedAt, $"after the decision ({InstantPattern.ExtendedIso.Format(decision.DecidedAt)}); a request is recorded once it was received"));
            return null;
        }

        DecisionRecord? record = DecisionRecord.TryCreate(
            request, received, decision, decision.VersionId is null ? null : version, out string? problem);
        if (problem is not null)
        {
            problems.Add(new("$", null, problem));
        }

        return record;
    }
}
