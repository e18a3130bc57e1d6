using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Serialization;

/// <summary>The outcome of reading a policy from JSON: the definition as read, the policy when it is valid, and every problem found.</summary>
/// <remarks><para>Problems include those of the JSON itself (malformed text with its line and position, wrong types,
/// unknown fields) and those of the definition (see <see cref="PolicyDefinition.Validate"/>), so one read reports
/// everything.</para></remarks>
public sealed class PolicyReadResult
{
    internal PolicyReadResult(PolicyDefinition? definition, Policy? policy, ValidationResult problems)
    {
        Definition = definition;
        Policy = policy;
        Problems = problems;
    }

    /// <summary>Gets the definition as read, or <see langword="null"/> when the text is not a JSON object.</summary>
    /// <remarks><para>The definition is a new, mutable object owned by the caller.</para></remarks>
    public PolicyDefinition? Definition { get; }

    /// <summary>Gets the policy, or <see langword="null"/> when any problem was found.</summary>
    public Policy? Policy { get; }

    /// <summary>Gets every problem found; valid when there are none.</summary>
    public ValidationResult Problems { get; }

    /// <summary>Gets a value indicating whether the policy was read and is valid.</summary>
    public bool IsValid => Policy is not null;
}
