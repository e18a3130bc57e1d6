namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>Every endpoint of the service, with a call that reaches it and the roles allowed; the role matrix walks it,
/// and a test checks it against the endpoints the service really maps, so a new endpoint cannot skip the matrix.</summary>
internal static class EndpointCatalogue
{
    public const string Anyone = "anonymous";

    public static IReadOnlyList<EndpointCase> All { get; } =
    [
        new("POST", "/requests", "/requests", () => SampleRequests.Permitted("MX-SUBMIT"), ["intake"]),
        new("GET", "/requests/{requestId}", "/requests/MX-SUBMIT", null, ["auditor"]),
        new("POST", "/requests/{requestId}/acknowledgement", "/requests/MX-SUBMIT/acknowledgement", () => """{ "at": "2025-02-10T12:00:00Z" }""", ["intake"]),
        new("POST", "/requests/{requestId}/disclosures", "/requests/MX-SUBMIT/disclosures", () => """{ "at": "2025-02-10T12:00:00Z" }""", ["legal"]),
        new("POST", "/requests/{requestId}/closing", "/requests/MX-SUBMIT/closing", () => """{ "at": "2025-02-10T12:00:00Z", "reason": "withdrawn" }""", ["legal"]),
        new("GET", "/reports/transparency", "/reports/transparency?format=csv", null, ["auditor"]),
        new("GET", "/reports/dsa", "/reports/dsa", null, ["auditor"]),
        new("POST", "/evaluations", "/evaluations", () => SampleRequests.Permitted("MX-EVAL"), ["intake", "legal", "auditor"]),
        new("GET", "/rules/versions", "/rules/versions", null, ["intake", "legal", "auditor"]),
        new("GET", "/rules/comparison", "/rules/comparison?left=V1&right=V2", null, ["auditor"]),
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, [Anyone]),
        new("GET", "/health/live", "/health/live", null, [Anyone]),
        new("GET", "/health/ready", "/health/ready", null, [Anyone]),
    ];
}

/// <summary>One endpoint: its method and route template, a concrete path, a body factory and the roles allowed.</summary>
internal sealed record EndpointCase(string Method, string Template, string Path, Func<string>? Body, IReadOnlyList<string> Allowed)
{
    public override string ToString() => $"{Method} {Template}";
}
