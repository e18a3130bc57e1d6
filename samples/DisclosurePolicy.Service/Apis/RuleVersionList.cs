namespace DisclosurePolicy.Service.Apis;

/// <summary>The answer of <c>GET /rules/versions</c>: the policy the engine decides under now and its versions.</summary>
/// <param name="PolicyId">The policy's id.</param>
/// <param name="PolicyTitle">The policy's title.</param>
/// <param name="TimeZone">The zone in which decision dates and report periods are taken.</param>
/// <param name="Today">Today's date in that zone.</param>
/// <param name="Versions">Every version, in the policy's order.</param>
internal sealed record RuleVersionList(string PolicyId, string PolicyTitle, string TimeZone, string Today, IReadOnlyList<RuleVersionSummary> Versions);
