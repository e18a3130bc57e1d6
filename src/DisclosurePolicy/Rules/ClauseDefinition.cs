namespace DisclosurePolicy.Rules;

/// <summary>The configuration shape of one <see cref="Clause"/>; part of a <see cref="RuleVersionDefinition"/>.</summary>
/// <remarks><para>Mutable and not thread-safe.</para></remarks>
public sealed class ClauseDefinition
{
    /// <summary>Gets or sets the clause's identifier, unique within its version, such as <c>8.3-2024/issuer</c>.</summary>
    /// <value>Required; no default.</value>
    public string? Id { get; set; }

    /// <summary>Gets or sets where the clause comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</summary>
    /// <value>Required; no default.</value>
    public string? Citation { get; set; }

    /// <summary>Gets or sets the exact words of the policy the clause implements.</summary>
    /// <value>Required; no default.</value>
    public string? Wording { get; set; }

    /// <summary>Gets or sets what the clause requires, in one sentence a reviewer can check against the wording.</summary>
    /// <value>Required; no default.</value>
    public string? Summary { get; set; }

    /// <summary>Gets or sets when the clause fires.</summary>
    /// <value>Required; <c>{ "always": true }</c> for a clause that always fires.</value>
    public ConditionDefinition? When { get; set; }

    /// <summary>Gets or sets what the clause does when it fires: <c>Deny</c>, <c>NotApplicable</c>, <c>Pending</c> or <c>Permit</c>.</summary>
    /// <value>Required; no default.</value>
    public string? Effect { get; set; }

    /// <summary>Gets or sets the stable, machine-readable code reported when the clause fires, such as <c>OrderNotValid</c>.</summary>
    /// <value>Required; no default.</value>
    public string? ReasonCode { get; set; }

    /// <summary>Gets or sets the data categories a permit covers, by <see cref="Requests.DataCategory"/> name.</summary>
    /// <value>At least one for a permit; empty (the default) for every other effect.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<string> Categories { get; set; } = [];
#pragma warning restore CA2227, CA1002

    /// <summary>Creates the definition of an existing clause.</summary>
    /// <param name="clause">The clause.</param>
    /// <returns>A new definition that builds an equivalent clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clause"/> is <see langword="null"/>.</exception>
    public static ClauseDefinition From(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return new ClauseDefinition
        {
            Id = clause.Id,
            Citation = clause.Citation,
            Wording = clause.Wording,
            Summary = clause.Summary,
            When = ConditionDefinition.From(clause.Condition),
            Effect = clause.Effect.Kind.ToString(),
            ReasonCode = clause.Effect.ReasonCode,
            Categories = [.. clause.Effect.Categories.Select(c => c.ToString())],
        };
    }
}
