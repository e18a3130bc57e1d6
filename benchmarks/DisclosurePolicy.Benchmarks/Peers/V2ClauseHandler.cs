using Microsoft.AspNetCore.Authorization;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>The authorization handler that checks each <see cref="V2ClauseRequirement"/> against the item being authorized.</summary>
public sealed class V2ClauseHandler : AuthorizationHandler<V2ClauseRequirement, V2Item>
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, V2ClauseRequirement requirement, V2Item resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (requirement.IsMet(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
