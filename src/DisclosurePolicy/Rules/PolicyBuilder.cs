namespace DisclosurePolicy.Rules;

/// <summary>
/// Describes a <see cref="Policy"/> in code: its versions, each described with a <see cref="RuleVersionBuilder"/>.
/// </summary>
/// <remarks>
/// <para><see cref="Build"/> validates everything at once (the builders' own problems and every check of
/// <see cref="Policy"/>: required texts, empty periods, overlapping versions, versions without clauses, clauses that can
/// never fire or are shadowed) and throws one <see cref="RuleDefinitionException"/> listing every problem with its path,
/// such as <c>versions[1].clauses[3].effect</c>.</para>
/// <para>Mutable and not thread-safe. <see cref="Build"/> may be called any number of times; each call returns a new
/// immutable policy reflecting the builder at that moment, so a builder can be changed and built again.</para>
/// </remarks>
/// <example>
/// <code>
/// Policy policy = new PolicyBuilder("acme-8.3", "ACME disclosure rule")
///     .AddVersion("A1", v => v
///         .Titled("Court orders only")
///         .EffectiveFrom(new LocalDate(2025, 1, 1))
///         .Citation("ACME Privacy Policy 8.3 (2025-01-01)")
///         .Wording("We disclose your IP address to courts.")
///         .Cadence(ReportingCadence.Quarterly)
///         .Clause("court", c => c.Citation("ACME 8.3").Wording("to courts").Summary("Only courts may ask.")
///             .When(Condition.Not(Condition.AuthorityIs(IssuingAuthorityKind.Court))).Deny("NotACourt"))
///         .Clause("disclose", c => c.Citation("ACME 8.3").Wording("we disclose your IP address").Summary("IP address only.")
///             .When(Condition.Always).Permit("CourtOrder", DataCategory.IpAddress)))
///     .Build();
/// </code>
/// </example>
public sealed class PolicyBuilder
{
    private readonly List<RuleVersionBuilder> _versions = [];
    private readonly List<(string Value, string Message)> _misuse = [];

    /// <summary>Initializes a new instance of the <see cref="PolicyBuilder"/> class.</summary>
    /// <param name="id">The policy's identifier.</param>
    /// <param name="title">A short human title.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PolicyBuilder(string id, string title)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        Id = id;
        Title = title;
    }

    /// <summary>Gets the policy's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the policy's title.</summary>
    public string Title { get; }

    /// <summary>Gets the identifiers of the versions described so far, in order.</summary>
    public IReadOnlyList<string> VersionIds => [.. _versions.Select(v => v.Id)];

    /// <summary>Creates a builder holding every version of an existing policy, to change or extend it.</summary>
    /// <param name="policy">The policy to start from; it is not changed.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public static PolicyBuilder From(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var builder = new PolicyBuilder(policy.Id, policy.Title);
        builder._versions.AddRange(policy.Versions.Select(RuleVersionBuilder.From));
        return builder;
    }

    /// <summary>Adds a version described by <paramref name="configure"/>.</summary>
    /// <param name="id">The version's identifier.</param>
    /// <param name="configure">Describes the version.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PolicyBuilder AddVersion(string id, Action<RuleVersionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        var version = new RuleVersionBuilder(id);
        configure(version);
        _versions.Add(version);
        return this;
    }

    /// <summary>Adds a version described by a builder; later changes to that builder show in later builds.</summary>
    /// <param name="version">The version's builder.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public PolicyBuilder AddVersion(RuleVersionBuilder version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _versions.Add(version);
        return this;
    }

    /// <summary>Adds an existing version, such as <see cref="BuiltInRules.V2"/>.</summary>
    /// <param name="version">The version.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public PolicyBuilder AddVersion(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _versions.Add(RuleVersionBuilder.From(version));
        return this;
    }

    /// <summary>Changes a version already added.</summary>
    /// <param name="id">The version's identifier (compared without regard to case).</param>
    /// <param name="configure">Changes the version.</param>
    /// <returns>This builder. When no version has <paramref name="id"/>, <see cref="Build"/> reports it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PolicyBuilder ConfigureVersion(string id, Action<RuleVersionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        int index = IndexOf(id, "configure");
        if (index >= 0)
        {
            configure(_versions[index]);
        }

        return this;
    }

    /// <summary>Removes a version.</summary>
    /// <param name="id">The version's identifier (compared without regard to case).</param>
    /// <returns>This builder. When no version has <paramref name="id"/>, <see cref="Build"/> reports it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public PolicyBuilder RemoveVersion(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int index = IndexOf(id, "remove");
        if (index >= 0)
        {
            _versions.RemoveAt(index);
        }

        return this;
    }

    /// <summary>Validates everything and builds the policy.</summary>
    /// <returns>A new immutable policy.</returns>
    /// <exception cref="RuleDefinitionException">The description is invalid; every problem is listed with its path.</exception>
    public Policy Build()
    {
        var definition = new PolicyDefinition { Id = Id, Title = Title, Versions = [.. _versions.Select(v => v.ToDefinition())] };
        IEnumerable<ValidationProblem> misuse = _misuse
            .Select(m => new ValidationProblem("versions", m.Value, m.Message))
            .Concat(_versions.SelectMany((v, i) => v.Misuse($"versions[{i}].")));
        (Policy? policy, ValidationResult problems) = DefinitionCompiler.Compile(definition, misuse);
        return policy ?? throw new RuleDefinitionException(problems);
    }

    private int IndexOf(string id, string action)
    {
        int index = _versions.FindIndex(v => string.Equals(v.Id, id, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _misuse.Add((id, $"no version '{id}' to {action}; the versions are: {string.Join(", ", _versions.Select(v => v.Id))}"));
        }

        return index;
    }
}
