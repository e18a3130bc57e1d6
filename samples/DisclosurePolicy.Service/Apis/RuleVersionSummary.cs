namespace DisclosurePolicy.Service.Apis;

/// <summary>One rule version as <c>GET /rules/versions</c> lists it.</summary>
/// <param name="Id">The version's id, such as <c>V2</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="EffectiveFrom">The first receipt date it decides (ISO date).</param>
/// <param name="EffectiveUntil">The last receipt date it decides, inclusive; <see langword="null"/> for an open end.</param>
/// <param name="Citation">The text it implements.</param>
/// <param name="Cadence">Its transparency-report cadence.</param>
/// <param name="ContentHash">The content hash every decision record made under it carries.</param>
/// <param name="Jurisdictions">The countries it is limited to; empty for every country.</param>
/// <param name="InForceToday">Whether a request received today (in the engine's time zone) falls in its period.</param>
internal sealed record RuleVersionSummary(
    string Id,
    string Title,
    string EffectiveFrom,
    string? EffectiveUntil,
    string Citation,
    string Cadence,
    string ContentHash,
    IReadOnlyList<string> Jurisdictions,
    bool InForceToday);
