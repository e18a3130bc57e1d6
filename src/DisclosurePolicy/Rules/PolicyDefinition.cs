namespace DisclosurePolicy.Rules;

/// <summary>
/// A disclosure policy stated as data: the configuration shape of a <see cref="Policy"/>, bindable from configuration
/// (<c>IConfiguration</c>) and read from or written to JSON by <see cref="Serialization.PolicyJson"/>.
/// </summary>
/// <remarks>
/// <para>Every value is kept as text so that binding never fails; <see cref="Validate"/> then reports every problem with
/// its path, such as <c>versions[1].clauses[3].when.in[0]</c>, and the accepted names for an unknown one.
/// The format is described in <c>docs/rules-format.md</c>.</para>
/// <para>Mutable and not thread-safe: fill it, validate it, then build the immutable <see cref="Policy"/> with
/// <see cref="ToPolicy"/>.</para>
/// </remarks>
public sealed class PolicyDefinition
{
    /// <summary>Gets or sets the policy's identifier.</summary>
    /// <value>Required; no default.</value>
    public string? Id { get; set; }

    /// <summary>Gets or sets a short human title.</summary>
    /// <value>Required; no default.</value>
    public string? Title { get; set; }

    /// <summary>Gets or sets the versions, in any order.</summary>
    /// <value>At least one; empty by default.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<RuleVersionDefinition> Versions { get; set; } = [];
#pragma warning restore CA2227, CA1002

    /// <summary>Creates the definition of an existing policy, so it can be written out or changed.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>A new definition that builds an equivalent policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public static PolicyDefinition From(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyDefinition
        {
            Id = policy.Id,
            Title = policy.Title,
            Versions = [.. policy.Versions.Select(RuleVersionDefinition.From)],
        };
    }

    /// <summary>Checks the whole definition without building it.</summary>
    /// <returns>Every problem found, each with its path: unknown names (with the accepted ones), unreadable dates, missing
    /// fields, empty periods, overlapping versions, versions without clauses, and clauses that can never fire or are shadowed.</returns>
    public ValidationResult Validate() => DefinitionCompiler.Compile(this).Problems;

    /// <summary>Builds the immutable policy the definition describes.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="RuleDefinitionException">The definition is invalid; every problem is listed.</exception>
    public Policy ToPolicy()
    {
        (Policy? policy, ValidationResult problems) = DefinitionCompiler.Compile(this);
        return policy ?? throw new RuleDefinitionException(problems);
    }
}
