using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePolicy.Service.Tests.EvaluationsApiTests;

namespace DisclosurePolicy.Service.Tests;

public sealed class TelemetryTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Evaluate_ThroughTheService_CountsOnTheHostsMeterAndTracesTheDecisionWithoutAccountReferences()
    {
        IMeterFactory meters = factory.Services.GetRequiredService<IMeterFactory>();
        var outcomes = new List<string?>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DisclosureTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (outcomes)
            {
                outcomes.Add(tags.ToArray().FirstOrDefault(t => t.Key == DisclosureTelemetry.OutcomeTag).Value?.ToString());
            }
        });
        meterListener.Start();
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is DisclosureTelemetry.ActivitySourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        string estonian = SampleRequests.Permitted("TEL-1").Replace("\"FR\"", "\"EE\"", StringComparison.Ordinal);
        HttpResponseMessage response = await factory.Client("intake").PostAsync("/evaluations", Json(estonian));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (outcomes)
        {
            Assert.Contains("MayDisclose", outcomes);
        }

        lock (activities)
        {
            Assert.Contains(activities, a => a.OperationName == DisclosureTelemetry.EvaluateActivityName
                && (string?)a.GetTagItem(DisclosureTelemetry.JurisdictionTag) == "EE");
            Assert.Contains(activities, a => a.Source.Name == "Microsoft.AspNetCore");
            Assert.DoesNotContain(activities, a => a.TagObjects.Any(t => t.Value?.ToString()?.Contains("58213377", StringComparison.Ordinal) == true)
                || a.DisplayName.Contains("58213377", StringComparison.Ordinal));
        }
    }
}
