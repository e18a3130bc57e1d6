namespace DisclosurePolicy.Rules;

/// <summary>
/// The configuration shape of a <see cref="Condition"/>: exactly one of <see cref="Always"/>, <see cref="All"/>,
/// <see cref="Any"/>, <see cref="Not"/>, <see cref="Fact"/> with <see cref="In"/>, or <see cref="Jurisdictions"/>.
/// </summary>
/// <remarks>
/// <para>A fact test holds when the fact takes one of the values in <see cref="In"/> (for the set-valued facts
/// <c>Offences</c> and <c>TosItems</c>: when the set includes at least one of them). Yes/no facts take <c>yes</c> or
/// <c>no</c>. An empty <see cref="All"/> always holds and an empty <see cref="Any"/> never does.</para>
/// <para>Mutable and not thread-safe.</para>
/// </remarks>
public sealed class ConditionDefinition
{
    /// <summary>Gets or sets a constant condition: <c>true</c> always holds, <c>false</c> never does.</summary>
    /// <value><see langword="null"/> (the default) when another form is used. Kept as text, like every value of the
    /// definition, so that binding configuration never fails; anything but <c>true</c> or <c>false</c> is reported by
    /// validation.</value>
    public string? Always { get; set; }

    /// <summary>Gets or sets the operands of a condition that holds when every operand holds.</summary>
    /// <value><see langword="null"/> (the default) when another form is used.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<ConditionDefinition>? All { get; set; }

    /// <summary>Gets or sets the operands of a condition that holds when at least one operand holds.</summary>
    /// <value><see langword="null"/> (the default) when another form is used.</value>
    public List<ConditionDefinition>? Any { get; set; }
#pragma warning restore CA2227, CA1002

    /// <summary>Gets or sets the operand of a condition that holds when the operand does not.</summary>
    /// <value><see langword="null"/> (the default) when another form is used.</value>
    public ConditionDefinition? Not { get; set; }

    /// <summary>Gets or sets the fact tested, by <see cref="Rules.Fact"/> name, such as <c>AuthorityKind</c>.</summary>
    /// <value><see langword="null"/> (the default) when another form is used; requires <see cref="In"/>.</value>
    public string? Fact { get; set; }

    /// <summary>Gets or sets the accepted values of <see cref="Fact"/>: enum member names, <c>yes</c>/<c>no</c>, or country codes
    /// for <c>Jurisdiction</c>.</summary>
    /// <value>At least one when <see cref="Fact"/> is set; <see langword="null"/> by default.</value>
#pragma warning disable CA2227, CA1002 // Configuration binding needs a settable List<T>.
    public List<string>? In { get; set; }

    /// <summary>Gets or sets the ISO 3166-1 alpha-2 codes of a test that the issuing jurisdiction is one of them.</summary>
    /// <value><see langword="null"/> (the default) when another form is used.</value>
    public List<string>? Jurisdictions { get; set; }
#pragma warning restore CA2227, CA1002

    /// <summary>Creates the definition of an existing condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>A new definition that builds an equivalent condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The condition is of a kind this version does not know.</exception>
    public static ConditionDefinition From(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition switch
        {
            AllCondition { Operands.Count: 0 } => new() { Always = "true" },
            AnyCondition { Operands.Count: 0 } => new() { Always = "false" },
            AllCondition all => new() { All = [.. all.Operands.Select(From)] },
            AnyCondition any => new() { Any = [.. any.Operands.Select(From)] },
            NotCondition not => new() { Not = From(not.Operand) },
            FactCondition test => new() { Fact = test.Fact.ToString(), In = [.. test.Values] },
            JurisdictionCondition codes => new() { Jurisdictions = [.. codes.Codes] },
            _ => throw new ArgumentException($"Unknown kind of condition: {condition.GetType().Name}.", nameof(condition)),
        };
    }
}
