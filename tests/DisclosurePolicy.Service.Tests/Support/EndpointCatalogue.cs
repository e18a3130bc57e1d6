namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>Every endpoint of the service, with a call that reaches it and the roles allowed; the role matrix walks it,
/// and a test checks it against the endpoints the service really maps, so a new endpoint cannot skip the matrix.</summary>
internal static class EndpointCatalogue
{
    public const string Anyone = "anonymous";

    public static IReadOnlyList<EndpointCase> All { get; } =
    [
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
