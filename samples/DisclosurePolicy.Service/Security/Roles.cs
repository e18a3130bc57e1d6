namespace DisclosurePolicy.Service.Security;

/// <summary>The roles an API key is bound to, and the authorization policies named after them.</summary>
/// <remarks>
/// <para>Intake submits requests and acknowledges their receipt; legal records what was disclosed or why a request was
/// closed; the auditor reads records, reports and comparisons. Each endpoint names exactly one policy; anything not
/// named falls to the fallback policy, which demands an authenticated caller.</para>
/// </remarks>
internal static class Roles
{
    public const string Intake = "intake";

    public const string Legal = "legal";

    public const string Auditor = "auditor";

    /// <summary>The policy any of the three roles meets: reading the rules in force and deciding without recording.</summary>
    public const string AnyRole = "any-role";

    public static IReadOnlyList<string> All { get; } = [Intake, Legal, Auditor];
}
