using System.Diagnostics.Metrics;
using DisclosurePolicy.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DisclosurePolicy;

/// <summary>Registers DisclosurePolicy in a host's service container.</summary>
public static class DisclosurePolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="DisclosureEngine"/> decided by <see cref="DisclosurePolicyOptions"/>, validated when
    /// the host starts and followed on every reload.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Every registration is a <c>TryAdd</c>: a host that registered a <see cref="DisclosureEngine"/> first keeps its
    /// own, and calling this method again changes nothing. Bind configuration with
    /// <c>services.AddOptions&lt;DisclosurePolicyOptions&gt;().Bind(section)</c>.</para>
    /// <para>The engine stamps decisions with the host's NodaTime <see cref="IClock"/> when one is registered, and with the
    /// system clock otherwise; this method does not register a clock. It counts decisions on a meter from the host's
    /// <see cref="IMeterFactory"/> when there is one (see <see cref="DisclosureTelemetry"/>).</para>
    /// </remarks>
    public static IServiceCollection AddDisclosurePolicy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The rule source is internal, so only this method adds it: its presence means the rest is registered too.
        // Checking it keeps a second call from adding another start-up validation hook.
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DisclosurePolicyRuleSource))
            {
                return services;
            }
        }

        services.TryAddSingleton<CompiledRuleSets>();
        services.AddOptionsWithValidateOnStart<DisclosurePolicyOptions, DisclosurePolicyOptionsValidator>();
        services.TryAddSingleton(sp => new RuleReloadStatus());
        services.TryAddSingleton(sp => sp.GetService<IMeterFactory>() is IMeterFactory meters ? DecisionInstruments.From(meters) : DecisionInstruments.Shared);
        services.TryAddSingleton(sp => new DisclosurePolicyRuleSource(
            sp.GetRequiredService<IOptionsMonitor<DisclosurePolicyOptions>>(),
            sp.GetRequiredService<CompiledRuleSets>(),
            sp.GetRequiredService<RuleReloadStatus>(),
            sp.GetRequiredService<DecisionInstruments>()));
        services.TryAddSingleton(CreateEngine);
        return services;
    }

    /// <summary>
    /// Registers a singleton <see cref="DisclosureEngine"/> as <see cref="AddDisclosurePolicy(IServiceCollection)"/> does,
    /// and configures its options in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; it runs after configuration binding registered before it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDisclosurePolicy(this IServiceCollection services, Action<DisclosurePolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddDisclosurePolicy();
        services.Configure(configure);
        return services;
    }

    private static DisclosureEngine CreateEngine(IServiceProvider services)
    {
        DisclosurePolicyRuleSource source = services.GetRequiredService<DisclosurePolicyRuleSource>();
#pragma warning disable RS0030 // The single place the library may fall back to the system clock: a host without an IClock of its own.
        IClock clock = services.GetService<IClock>() ?? SystemClock.Instance;
#pragma warning restore RS0030
        return new DisclosureEngine(source.Rules, clock, services.GetRequiredService<DecisionInstruments>());
    }
}
