namespace DisclosurePolicy.Evaluation;

/// <summary>
/// The names under which engines publish their telemetry, for hosts to subscribe to (for example with OpenTelemetry's
/// <c>AddMeter</c> and <c>AddSource</c>).
/// </summary>
/// <remarks>
/// <para>Every decision, explained or not, adds one to the <see cref="DecisionsCounterName"/> counter, tagged with
/// <see cref="VersionTag"/> (the rule version applied, or <c>none</c>) and <see cref="OutcomeTag"/> (the
/// <see cref="DecisionOutcome"/> name). Every explained evaluation is traced as one <see cref="EvaluateActivityName"/>
/// activity, tagged with the version, the outcome, <see cref="JurisdictionTag"/> (the requesting country, or
/// <c>unknown</c>) and <see cref="ReasonCountTag"/>.</para>
/// <para>Neither carries account references, request ids or any other value that could identify a user. When nobody
/// listens, nothing is measured, traced or allocated.</para>
/// </remarks>
public static class DisclosureTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> engines publish to.</summary>
    public const string MeterName = "DisclosurePolicy";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> engines trace evaluations with.</summary>
    public const string ActivitySourceName = "DisclosurePolicy";

    /// <summary>The name of the counter of decisions.</summary>
    public const string DecisionsCounterName = "disclosurepolicy.decisions";

    /// <summary>The name of the counter of rule reloads, tagged with <see cref="ReloadOutcomeTag"/> (<c>accepted</c> or
    /// <c>refused</c>); a refused reload leaves the last valid rules in force (see <see cref="RuleReloadStatus"/>).</summary>
    public const string RuleReloadsCounterName = "disclosurepolicy.rule_reloads";

    /// <summary>The tag of a reload's outcome: <c>accepted</c> or <c>refused</c>.</summary>
    public const string ReloadOutcomeTag = "disclosure.reload_outcome";

    /// <summary>The name of the activity started for each explained evaluation.</summary>
    public const string EvaluateActivityName = "DisclosurePolicy.Evaluate";

    /// <summary>The tag holding the id of the rule version applied, or <c>none</c>.</summary>
    public const string VersionTag = "disclosure.version";

    /// <summary>The tag holding the outcome's name, such as <c>MayDisclose</c>.</summary>
    public const string OutcomeTag = "disclosure.outcome";

    /// <summary>The activity tag holding the requesting country's ISO 3166-1 alpha-2 code, or <c>unknown</c>.</summary>
    public const string JurisdictionTag = "disclosure.jurisdiction";

    /// <summary>The activity tag holding the number of reasons the decision gives.</summary>
    public const string ReasonCountTag = "disclosure.reasons";
}
