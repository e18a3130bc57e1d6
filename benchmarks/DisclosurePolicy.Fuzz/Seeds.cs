using System.Reflection;
using System.Text.Json.Nodes;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// The valid documents the mutations start from, taken from what the project has: the sample requests of the command
/// line, the test kit's generator of valid requests, the built-in and the host example's rules, and decision records
/// and events made by the engine from those requests. Every seed is checked to read without a problem, so a finding is
/// never a bad seed.
/// </summary>
internal static class Seeds
{
    private static readonly Assembly Resources = typeof(Seeds).Assembly;

    public static IReadOnlyList<LegalRequest> Requests(int seed, int count)
    {
        var requests = new List<LegalRequest>();
        foreach (string name in Resources.GetManifestResourceNames().Where(n => n.StartsWith("requests/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            requests.Add(RequestJson.Read(Resource(name)).Value ?? throw new InvalidOperationException($"the sample {name} is not a valid request"));
        }

        FsCheck.Gen<ValidRequest> valid = RequestGenerators.Valid(RequestScope.Everything).Generator;
        requests.AddRange(valid.Sample(count, new FsCheck.Rnd((ulong)seed), 20).Select(v => v.Request));
        return requests;
    }

    /// <summary>Single requests and arrays of two or three, as JSON.</summary>
    public static IReadOnlyList<string> RequestDocuments(IReadOnlyList<LegalRequest> requests)
    {
        var documents = requests.Select(RequestJson.Write).ToList();
        for (int i = 0; i + 2 < requests.Count; i += 7)
        {
            documents.Add($"[{RequestJson.Write(requests[i])},{RequestJson.Write(requests[i + 1])}" + (i % 2 == 0 ? $",{RequestJson.Write(requests[i + 2])}]" : "]"));
        }

        return documents;
    }

    /// <summary>The built-in rules whole, each version of the built-in and of the host example's rules alone, a version
    /// with a Terms-of-Service catalogue, and versions of two to four of those clauses (the checks between clauses cost
    /// more than linearly in their number, so small versions make most inputs), the invalid ones left out.</summary>
    public static IReadOnlyList<string> Policies(int seed)
    {
        string host = HostRules();
        var documents = new List<string> { BuiltInRules.Json };
        foreach (string whole in new[] { BuiltInRules.Json, host })
        {
            JsonObject policy = JsonNode.Parse(whole)!.AsObject();
            foreach (JsonNode? version in policy["versions"]!.AsArray())
            {
                JsonObject single = policy.DeepClone().AsObject();
                single["versions"] = new JsonArray(Alone(version!));
                documents.Add(single.ToJsonString());
            }
        }

        JsonObject withCatalogue = JsonNode.Parse(documents[^1])!.AsObject();
        withCatalogue["versions"]![0]!["termsOfService"] = JsonNode.Parse("""
            {
              "entries": [
                { "item": "SpamOrScam", "wording": "Use our service to send spam or scam users.", "inForceFrom": "2020-12-09" },
                { "item": "PublicViolencePromotion", "wording": "Promote violence on publicly viewable channels.", "inForceUntil": "2030-01-01" }
              ],
              "mappings": [
                { "offence": "FraudOrScam", "items": [ "SpamOrScam" ] },
                { "offence": "Terrorism", "items": [ "PublicViolencePromotion" ] }
              ]
            }
            """);
        documents.Add(withCatalogue.ToJsonString());

        var random = new Random(seed);
        for (int i = 0; i < 60; i++)
        {
            JsonObject small = JsonNode.Parse(documents[1 + random.Next(documents.Count - 1)])!.AsObject();
            JsonArray clauses = small["versions"]![0]!["clauses"]!.AsArray();
            JsonNode[] kept = [.. clauses.Where(_ => random.Next(clauses.Count) < 3).Select(c => c!.DeepClone()).Take(4)];
            if (kept.Length < 2)
            {
                continue;
            }

            small["versions"]![0]!["clauses"] = new JsonArray(kept);
            documents.Add(small.ToJsonString());
        }

        return [.. documents.Distinct(StringComparer.Ordinal).Where(d => PolicyJson.Read(d).IsValid)];
    }

    /// <summary>The host example's rules: a policy that permits more than the built-in one.</summary>
    public static string HostRules() =>
        Resources.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Select(Resource).Single();

    public static IReadOnlyList<DecisionRecord> Records(IReadOnlyList<LegalRequest> requests, int seed)
    {
        var random = new Random(seed);
        return [.. requests.Select(request =>
        {
            Instant receivedAt = request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromSeconds(random.Next(86_400));
            Instant decidedAt = receivedAt + Duration.FromSeconds(random.Next(86_400 * 3));
            Decision decision = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(decidedAt)).Evaluate(request);
            return DecisionRecord.Create(request, receivedAt, decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
        })];
    }

    /// <summary>The history a host records for a decision: the decision, then an acknowledgement, then the permitted items
    /// disclosed or the request closed without disclosure.</summary>
    public static IReadOnlyList<RequestEvent> History(DecisionRecord record)
    {
        var events = new List<RequestEvent> { RequestEvent.Decided(record), RequestEvent.Acknowledged(record.RequestId, record.DecidedAt + Duration.FromHours(1)) };
        DisclosedItem[] permitted = [.. record.Decision.Results.Where(r => r.Outcome == ItemOutcome.Permitted).Select(r => new DisclosedItem(r.AccountReference, r.Category))];
        events.Add(permitted.Length > 0
            ? RequestEvent.Disclosed(record.RequestId, record.DecidedAt + Duration.FromDays(2), permitted)
            : RequestEvent.ClosedWithoutDisclosure(record.RequestId, record.DecidedAt + Duration.FromDays(2), "nothing may be disclosed"));
        return events;
    }

    private static JsonObject Alone(JsonNode version)
    {
        // A version alone is in force from its start on: its end would leave no version after it, which is allowed, but
        // dropping it keeps the seed closest to a host's first version.
        JsonObject copy = version.DeepClone().AsObject();
        copy.Remove("effectiveUntil");
        return copy;
    }

    private static string Resource(string name)
    {
        using Stream stream = Resources.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
