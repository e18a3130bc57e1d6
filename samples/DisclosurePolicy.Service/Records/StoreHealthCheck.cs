using DisclosurePolicy.Reporting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DisclosurePolicy.Service.Records;

/// <summary>Readiness: the store answers a query. A service whose store is down takes no traffic.</summary>
internal sealed class StoreHealthCheck(IDecisionRecorder store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: a driver's message can carry a connection string.
            return HealthCheckResult.Unhealthy($"The record store does not answer ({ex.GetType().Name}).");
        }
    }
}
