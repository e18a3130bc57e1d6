namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>Requests in the documented request format, each with the id a test gives it.</summary>
internal static class SampleRequests
{
    /// <summary>The account every sample request names; tests check it never reaches a log line.</summary>
    public const string Account = "user:58213377";

    /// <summary>A French investigating judge's order in a drug-trafficking case, received 2025-02-10: V2 permits the IP
    /// address and the phone number.</summary>
    public static string Permitted(string id) => $$"""
        {
          "id": "{{id}}",
          "receivedOn": "2025-02-10",
          "instrument": "CourtOrder",
          "authority": { "kind": "InvestigatingJudge", "name": "Tribunal judiciaire de Marseille" },
          "jurisdiction": "FR",
          "proceeding": "Criminal",
          "orderIsValid": true,
          "issuerIsRelevant": true,
          "recipient": "JudicialAuthority",
          "provenance": { "channel": "LawEnforcementPortal", "verification": "VerifiedOutOfBand" },
          "subjects": [ { "accountReference": "{{Account}}", "status": "Suspect", "offences": ["DrugTrafficking"] } ],
          "requestedData": ["IpAddress", "PhoneNumber"],
          "legalAnalysis": { "outcome": "Passed", "grounds": "Competent judge; ToS item 4." }
        }
        """;

    /// <summary>The same request with a different legal analysis: a different decision under the same id.</summary>
    public static string Failed(string id) => Permitted(id).Replace("\"Passed\"", "\"Failed\"", StringComparison.Ordinal);

    /// <summary>A request with three problems: an unknown instrument, an unknown country and an impossible date.</summary>
    public static string WithThreeProblems(string id) => Permitted(id)
        .Replace("\"CourtOrder\"", "\"Subpoena\"", StringComparison.Ordinal)
        .Replace("\"FR\"", "\"XX\"", StringComparison.Ordinal)
        .Replace("\"2025-02-10\"", "\"2025-02-30\"", StringComparison.Ordinal);
}
