using System.Globalization;

namespace DisclosurePolicy.LoadTest;

/// <summary>Requests the clients submit: each a permitted V2 order from an EU Member State (so each gets a disclosure),
/// with its own id and account, countries and offences varying.</summary>
internal static class GeneratedRequests
{
    private static readonly string[] Countries = ["FR", "DE", "NL", "ES", "IT", "BE", "PL", "SE"];

    private static readonly string[] Offences = ["DrugTrafficking", "FirearmsTrafficking", "ChildSexualAbuse", "MoneyLaundering", "FraudOrScam"];

    public static string Id(string run, int client, int sequence) => string.Create(CultureInfo.InvariantCulture, $"LOAD-{run}-{client}-{sequence}");

    public static string Account(int client, int sequence) => string.Create(CultureInfo.InvariantCulture, $"user:{client + 1}{sequence:D7}");

    public static string Request(string id, int client, int sequence) => $$"""
        {
          "id": "{{id}}",
          "receivedOn": "2025-03-{{1 + (sequence % 28):D2}}",
          "instrument": "CourtOrder",
          "authority": { "kind": "InvestigatingJudge", "name": "Investigating judge" },
          "jurisdiction": "{{Countries[(client + sequence) % Countries.Length]}}",
          "proceeding": "Criminal",
          "orderIsValid": true,
          "issuerIsRelevant": true,
          "recipient": "JudicialAuthority",
          "provenance": { "channel": "LawEnforcementPortal", "verification": "VerifiedOutOfBand" },
          "subjects": [ { "accountReference": "{{Account(client, sequence)}}", "status": "Suspect", "offences": ["{{Offences[sequence % Offences.Length]}}"] } ],
          "requestedData": ["IpAddress", "PhoneNumber"],
          "legalAnalysis": { "outcome": "Passed", "grounds": "Generated for the load test." }
        }
        """;

    public static string Disclosure(DateTimeOffset at, int client, int sequence) => $$"""
        { "at": "{{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}}", "items": [ { "accountReference": "{{Account(client, sequence)}}", "category": "IpAddress" } ] }
        """;
}
