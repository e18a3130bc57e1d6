using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Service.Apis;
using DisclosurePolicy.Service.Errors;
using DisclosurePolicy.Service.Hosting;
using DisclosurePolicy.Service.Records;
using DisclosurePolicy.Service.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DisclosurePolicy.Service;

/// <summary>Wires the service: the library from configuration, API-key roles, ProblemDetails errors, the endpoints,
/// OpenAPI, health checks and telemetry.</summary>
internal static class ServiceComposition
{
    public static WebApplicationBuilder AddDisclosurePolicyService(this WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        ConfigurationManager configuration = builder.Configuration;

        // The rules: bound from configuration and reloaded with it. The library refuses a reload that does not validate
        // and keeps the last valid rules; RulesReloadWatcher logs the refusal.
        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection(RulesReloadWatcher.Section));
        services.AddDisclosurePolicy();
        services.AddHostedService<RulesReloadWatcher>();

        services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.Section);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>()?.MaxRequestBodyBytes
                ?? new ServiceOptions().MaxRequestBodyBytes);

        // Errors: ProblemDetails for every status, nothing unexpected leaks a stack trace.
        services.AddProblemDetails();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();

        // Who may do what: API keys bound to roles, one policy per role, and a fallback that lets no anonymous caller in.
        services.AddOptionsWithValidateOnStart<ApiKeyOptions, ApiKeyOptionsValidator>().BindConfiguration(ApiKeyOptions.Section);
        services.AddSingleton<ApiKeyRing>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Intake, p => p.RequireRole(Roles.Intake))
            .AddPolicy(Roles.Legal, p => p.RequireRole(Roles.Legal))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Roles.AnyRole, p => p.RequireRole(Roles.All));

        // The record store, and the one writer every decision and event goes through.
        services.AddRecordStore();
        services.AddSingleton(sp => new RecordWriter(
            sp.GetRequiredService<IDecisionRecorder>(),
            sp.GetRequiredService<ILogger<RecordWriter>>(),
            sp.GetRequiredService<IOptions<StoreOptions>>().Value.WriterLanes,
            sp.GetRequiredService<IOptions<StoreOptions>>().Value.WritePath.Trim().Equals("direct", StringComparison.OrdinalIgnoreCase)));
        services.AddHostedService(sp => sp.GetRequiredService<RecordWriter>());
        services.AddSingleton<RequestsApi.Dependencies>();

        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        AddTelemetry(services, configuration);
        return builder;
    }

    public static WebApplication MapDisclosurePolicyService(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGroup("/requests").MapRequestsApi();
        app.MapGroup("/reports").MapReportsApi();
        app.MapGroup("/evaluations").MapEvaluationsApi();
        app.MapGroup("/rules").MapRulesApi();

        app.MapOpenApi().AllowAnonymous();
        // Liveness runs no check (the process answers); readiness runs the checks tagged "ready" (the store).
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).AllowAnonymous();
        return app;
    }

    // The library's meter reaches the standard .NET metrics through the host's IMeterFactory (AddDisclosurePolicy uses it),
    // and its activity source is a plain System.Diagnostics one: dotnet-counters and dotnet-trace see both as they are.
    // An OTLP exporter is added only when an endpoint is configured.
    private static void AddTelemetry(IServiceCollection services, ConfigurationManager configuration)
    {
        string? endpoint = configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var uri = new Uri(endpoint);
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(DisclosureTelemetry.MeterName, "Microsoft.AspNetCore.Hosting").AddOtlpExporter(o => o.Endpoint = uri))
            .WithTracing(t => t.AddSource(DisclosureTelemetry.ActivitySourceName, "Microsoft.AspNetCore").AddOtlpExporter(o => o.Endpoint = uri));
    }
}
