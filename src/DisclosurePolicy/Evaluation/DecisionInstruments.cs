using System.Diagnostics;
using System.Diagnostics.Metrics;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// The decision counter and evaluation activities of an engine (see <see cref="DisclosureTelemetry"/>).
/// </summary>
/// <remarks>
/// <para>They live beside the engine because the engine is the one place every decision passes through, whether it was
/// built by a host directly or through dependency injection. An engine from the container counts on a meter from the
/// host's <see cref="IMeterFactory"/> when there is one, so each container owns its meter; any other engine counts on
/// one shared, never-disposed meter. The meter, the activity source and the instruments are created once and never
/// change, so they are not mutable state.</para>
/// <para>Every operation first asks whether anyone listens (<see cref="Instrument.Enabled"/>,
/// <see cref="ActivitySource.HasListeners"/>) and does nothing otherwise. A failing listener never reaches the caller.</para>
/// </remarks>
internal sealed class DecisionInstruments
{
    private static readonly string? Version = typeof(DecisionInstruments).Assembly.GetName().Version?.ToString();

    private static readonly ActivitySource Activities = new(DisclosureTelemetry.ActivitySourceName, Version);

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _reloads;

    public DecisionInstruments(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _decisions = meter.CreateCounter<long>(DisclosureTelemetry.DecisionsCounterName, "{decision}", "Decisions made, by rule version and outcome.");
        _reloads = meter.CreateCounter<long>(DisclosureTelemetry.RuleReloadsCounterName, "{reload}", "Reloads of the rules, accepted or refused.");
    }

    /// <summary>Gets the instruments on the shared meter, for engines built without a meter factory.</summary>
    public static DecisionInstruments Shared { get; } = new(new Meter(DisclosureTelemetry.MeterName, Version));

    /// <summary>Creates the instruments on a meter of the host's factory.</summary>
    public static DecisionInstruments From(IMeterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new DecisionInstruments(factory.Create(new MeterOptions(DisclosureTelemetry.MeterName) { Version = Version }));
    }

    public static Activity? StartEvaluation()
    {
        if (!Activities.HasListeners())
        {
            return null;
        }

        try
        {
            return Activities.StartActivity(DisclosureTelemetry.EvaluateActivityName, ActivityKind.Internal);
        }
#pragma warning disable CA1031 // A failing listener must never turn an evaluation into an exception.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public static void StopEvaluation(Activity? activity, Decision decision)
    {
        if (activity is null)
        {
            return;
        }

        try
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(DisclosureTelemetry.VersionTag, decision.VersionId ?? "none");
                activity.SetTag(DisclosureTelemetry.OutcomeTag, OutcomeName(decision.Outcome));
                activity.SetTag(DisclosureTelemetry.JurisdictionTag, CountryCodes.IsAssigned(decision.Jurisdiction) ? decision.Jurisdiction : "unknown");
                activity.SetTag(DisclosureTelemetry.ReasonCountTag, decision.Reasons.Count);
                if (decision.Reasons.Any(r => r.Code == ReasonCodes.EvaluationError))
                {
                    activity.SetStatus(ActivityStatusCode.Error, ReasonCodes.EvaluationError);
                }
            }

            activity.Dispose();
        }
#pragma warning disable CA1031 // As above: telemetry never changes the answer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Count(string? versionId, DecisionOutcome outcome)
    {
        if (!_decisions.Enabled)
        {
            return;
        }

        try
        {
            var tags = new TagList
            {
                { DisclosureTelemetry.VersionTag, versionId ?? "none" },
                { DisclosureTelemetry.OutcomeTag, OutcomeName(outcome) },
            };
            _decisions.Add(1, in tags);
        }
#pragma warning disable CA1031 // As above: telemetry never changes the answer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void CountReload(bool refused)
    {
        if (!_reloads.Enabled)
        {
            return;
        }

        try
        {
            _reloads.Add(1, new KeyValuePair<string, object?>(DisclosureTelemetry.ReloadOutcomeTag, refused ? "refused" : "accepted"));
        }
#pragma warning disable CA1031 // As above: telemetry never changes the answer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    // Constant strings, so tagging allocates nothing.
    private static string OutcomeName(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.MayDisclose => nameof(DecisionOutcome.MayDisclose),
        DecisionOutcome.PartiallyPermitted => nameof(DecisionOutcome.PartiallyPermitted),
        DecisionOutcome.PendingLegalAnalysis => nameof(DecisionOutcome.PendingLegalAnalysis),
        DecisionOutcome.Deny => nameof(DecisionOutcome.Deny),
        DecisionOutcome.NotApplicable => nameof(DecisionOutcome.NotApplicable),
        _ => nameof(DecisionOutcome.Unspecified),
    };
}
