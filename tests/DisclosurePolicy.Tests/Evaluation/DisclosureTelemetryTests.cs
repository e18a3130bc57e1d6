using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

[Collection(TelemetryCollection.Name)]
public class DisclosureTelemetryTests
{
    private const string Secret = "secret-7731";

    [Fact]
    public void Counter_EngineFromContainer_CountsOnTheHostsMeterByVersionAndOutcome()
    {
        using var meters = new TestMeterFactory();
        using ServiceProvider provider = new ServiceCollection()
            .AddSingleton<IMeterFactory>(meters)
            .AddSingleton<IClock>(new FakeClock(Engines.DecidedAt))
            .AddDisclosurePolicy()
            .BuildServiceProvider();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        using var counts = new DecisionCounts(instrument => instrument.Meter.Scope == meters);

        engine.Evaluate(Some.V2Permitted());
        engine.Decide(Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency));
        engine.Evaluate(Some.V1Permitted());
        engine.Evaluate(Some.V1Permitted(), "V2");
        engine.Evaluate(null);

        Assert.Equal(
            new Dictionary<(string, string), long>
            {
                [("V2", "MayDisclose")] = 2,
                [("V2", "Deny")] = 1,
                [("V1", "MayDisclose")] = 1,
                [("none", "Deny")] = 1,
            },
            counts.ByVersionAndOutcome());
        Assert.All(counts.TagKeys, keys => Assert.Equal([DisclosureTelemetry.VersionTag, DisclosureTelemetry.OutcomeTag], keys));
        Meter meter = Assert.Single(meters.Created);
        Assert.Equal(DisclosureTelemetry.MeterName, meter.Name);
    }

    [Fact]
    public void Counter_EngineBuiltDirectly_CountsOnTheSharedMeter()
    {
        // A version id of this test's own, so only its decisions are counted.
        RuleVersion v2 = BuiltInRules.V2;
        var version = new RuleVersion(
            "V2-telemetry", v2.Title, v2.EffectiveFrom, v2.EffectiveUntil, v2.Citation, v2.Wording, v2.Cadence, v2.TermsOfService, v2.Clauses, null);
        var engine = new DisclosureEngine(new Policy("telemetry", "Telemetry", [version]), new FakeClock(Engines.DecidedAt));
        using var counts = new DecisionCounts(instrument => instrument.Meter.Scope is null && instrument.Meter.Name == DisclosureTelemetry.MeterName);

        engine.Evaluate(Some.V2Permitted());
        engine.Decide(Some.V2Permitted());
        engine.Decide(Some.With(Some.V2Permitted(), analysis: LegalAnalysisOutcome.NotPerformed));

        Dictionary<(string, string), long> mine = counts.ByVersionAndOutcome().Where(c => c.Key.Item1 == "V2-telemetry").ToDictionary();
        Assert.Equal(
            new Dictionary<(string, string), long> { [("V2-telemetry", "MayDisclose")] = 2, [("V2-telemetry", "PendingLegalAnalysis")] = 1 },
            mine);
    }

    [Fact]
    public void Counter_DecideUnderAGivenVersion_CountedUnderItOrUnderNone()
    {
        RuleVersion v2 = BuiltInRules.V2;
        var version = new RuleVersion(
            "V2-given", v2.Title, v2.EffectiveFrom, v2.EffectiveUntil, v2.Citation, v2.Wording, v2.Cadence, v2.TermsOfService, v2.Clauses, null);
        var engine = new DisclosureEngine(new Policy("telemetry-given", "Telemetry", [version]), new FakeClock(Engines.DecidedAt));
        using var counts = new DecisionCounts(instrument => instrument.Meter.Scope is null && instrument.Meter.Name == DisclosureTelemetry.MeterName);

        engine.Decide(Some.V2Permitted(), version);
        engine.Decide(Some.V2Permitted(), (RuleVersion?)null);

        Assert.Equal(
            new Dictionary<(string, string), long> { [("V2-given", "MayDisclose")] = 1, [("none", "Deny")] = 1 },
            counts.ByVersionAndOutcome().Where(c => c.Key.Item1 is "V2-given" or "none").ToDictionary());
    }

    [Fact]
    public void Activity_Evaluate_OneActivityTaggedWithoutAccountOrRequestIds()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using ActivityListener listener = ListenToEvaluations(stopped);
        LegalRequest request = Some.With(
            Some.V2Permitted($"REQ-{Secret}"), subjects: [new Subject($"user:{Secret}", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)]);
        DisclosureEngine engine = Engines.BuiltIn();

        Decision d = engine.Evaluate(request);
        engine.Decide(request);

        Activity activity = Assert.Single(stopped);
        Assert.Equal(DisclosureTelemetry.EvaluateActivityName, activity.OperationName);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                [DisclosureTelemetry.VersionTag] = "V2",
                [DisclosureTelemetry.OutcomeTag] = "MayDisclose",
                [DisclosureTelemetry.JurisdictionTag] = "FR",
                [DisclosureTelemetry.ReasonCountTag] = d.Reasons.Count,
            },
            activity.TagObjects.ToDictionary());
        Assert.DoesNotContain(activity.TagObjects, t => $"{t.Value}".Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, activity.DisplayName, StringComparison.Ordinal);
        Assert.Empty(activity.Baggage);
    }

    [Fact]
    public void Activity_EvaluationFails_MarkedAsErrorWithNoVersion()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using ActivityListener listener = ListenToEvaluations(stopped);
        var engine = new DisclosureEngine(BuiltInRules.Policy, new ThrowingClock());

        Decision decision = engine.Evaluate(Some.V2Permitted("REQ-broken-clock"));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Code == ReasonCodes.EvaluationError);
        Activity activity = Assert.Single(stopped, a => a.TagObjects.Any(t => t.Key == DisclosureTelemetry.OutcomeTag) && a.Status == ActivityStatusCode.Error);
        Assert.Equal(ReasonCodes.EvaluationError, activity.StatusDescription);
        Assert.Equal(decision.VersionId ?? "none", activity.GetTagItem(DisclosureTelemetry.VersionTag));
    }

    [Fact]
    public void Activity_UnknownJurisdiction_TaggedUnknownNotEchoed()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using ActivityListener listener = ListenToEvaluations(stopped);

        Engines.BuiltIn().Evaluate(Some.With(Some.V2Permitted(), jurisdiction: Secret));

        Activity activity = Assert.Single(stopped);
        Assert.Equal("unknown", activity.GetTagItem(DisclosureTelemetry.JurisdictionTag));
        Assert.Equal("Deny", activity.GetTagItem(DisclosureTelemetry.OutcomeTag));
    }

    [Fact]
    public void Instruments_NobodyListening_MeasureNothingAndAllocateNothing()
    {
        DecisionInstruments instruments = DecisionInstruments.Shared;
        Assert.Null(DecisionInstruments.StartEvaluation());

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            instruments.Count("V2", DecisionOutcome.MayDisclose);
            DecisionInstruments.StopEvaluation(DecisionInstruments.StartEvaluation(), null!);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ReloadCounter_ValidThenInvalidOptions_CountsOneAcceptedAndOneRefused()
    {
        using var meters = new TestMeterFactory();
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DisclosurePolicy:TimeZone"] = "UTC" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IMeterFactory>(meters)
            .AddSingleton<IClock>(new FakeClock(Engines.DecidedAt));
        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection("DisclosurePolicy"));
        using ServiceProvider provider = services.AddDisclosurePolicy().BuildServiceProvider();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        var outcomes = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == DisclosureTelemetry.RuleReloadsCounterName && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                outcomes.Enqueue($"{tag.Key}={tag.Value}:{value}");
            }
        });
        listener.Start();

        configuration["DisclosurePolicy:TimeZone"] = "Europe/Paris";
        configuration.Reload();
        configuration["DisclosurePolicy:TimeZone"] = "Mars/Olympus";
        configuration.Reload();

        Assert.Equal([$"{DisclosureTelemetry.ReloadOutcomeTag}=accepted:1", $"{DisclosureTelemetry.ReloadOutcomeTag}=refused:1"], outcomes);
        Assert.Equal("Europe/Paris", engine.Zone.Id);
    }

    private sealed class DecisionCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Version, string Outcome, long Value)> _measurements = new();

        public DecisionCounts(Func<Instrument, bool> listenTo)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == DisclosureTelemetry.DecisionsCounterName && listenTo(instrument))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var dictionary = new Dictionary<string, object?>();
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    dictionary[tag.Key] = tag.Value;
                }

                TagKeys.Enqueue([.. dictionary.Keys]);
                _measurements.Enqueue(((string)dictionary[DisclosureTelemetry.VersionTag]!, (string)dictionary[DisclosureTelemetry.OutcomeTag]!, value));
            });
            _listener.Start();
        }

        public ConcurrentQueue<string[]> TagKeys { get; } = new();

        public Dictionary<(string, string), long> ByVersionAndOutcome() =>
            _measurements.GroupBy(m => (m.Version, m.Outcome)).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

        public void Dispose() => _listener.Dispose();
    }

    // Records every stopped activity of the engine's source, with all its data.
    private static ActivityListener ListenToEvaluations(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DisclosureTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            options.Scope = this;
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (Meter meter in Created)
            {
                meter.Dispose();
            }
        }
    }
}
