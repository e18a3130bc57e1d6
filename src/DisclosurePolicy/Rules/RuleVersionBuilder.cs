using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// Describes one <see cref="RuleVersion"/> in code, from scratch or starting from an existing version
/// (<see cref="From(RuleVersion)"/>) to derive a variant, such as a localized one.
/// </summary>
/// <remarks>
/// <para>Every method returns the same builder, so calls chain; setting a value again replaces it. Nothing is checked
/// until <see cref="Build"/> (or <see cref="PolicyBuilder.Build"/>), which reports every problem at once in one
/// <see cref="RuleDefinitionException"/>, with paths such as <c>clauses[3].effect</c>.</para>
/// <para>Defaults: no start date means in force since always, no end date means still in force, and the Terms-of-Service
/// catalogue is <see cref="BuiltInRules.TermsOfService"/>. The title, citation, wording, cadence and at least one clause
/// are required.</para>
/// <para>Mutable and not thread-safe. <see cref="Build"/> may be called any number of times; each call returns a new
/// immutable version reflecting the builder at that moment.</para>
/// </remarks>
public sealed class RuleVersionBuilder
{
    private readonly RuleVersionDefinition _definition;
    private readonly List<ClauseBuilder> _clauses = [];
    private readonly List<(string Value, string Message)> _misuse = [];

    /// <summary>Initializes a new instance of the <see cref="RuleVersionBuilder"/> class for a new version.</summary>
    /// <param name="id">The version's identifier, unique within its policy, such as <c>V3</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _definition = new RuleVersionDefinition { Id = id };
    }

    private RuleVersionBuilder(RuleVersionDefinition definition)
    {
        _definition = definition;
        _clauses.AddRange(definition.Clauses.Select(c => new ClauseBuilder(c)));
    }

    /// <summary>Gets the version's identifier.</summary>
    public string Id => _definition.Id ?? string.Empty;

    /// <summary>Gets the identifiers of the clauses described so far, in order.</summary>
    public IReadOnlyList<string> ClauseIds => [.. _clauses.Select(c => c.Id)];

    /// <summary>Creates a builder holding everything an existing version holds, to derive a variant from it.</summary>
    /// <param name="version">The version to start from; it is not changed.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public static RuleVersionBuilder From(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new RuleVersionBuilder(RuleVersionDefinition.From(version));
    }

    /// <summary>Sets the version's identifier, for example when deriving a variant.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder WithId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _definition.Id = id;
        return this;
    }

    /// <summary>Sets a short human title.</summary>
    /// <param name="title">The title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder Titled(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        _definition.Title = title;
        return this;
    }

    /// <summary>Sets the first day the version is in force.</summary>
    /// <param name="firstDay">The first day.</param>
    /// <returns>This builder.</returns>
    public RuleVersionBuilder EffectiveFrom(LocalDate firstDay)
    {
        _definition.EffectiveFrom = IsoDates.Format(firstDay);
        return this;
    }

    /// <summary>Sets the last day the version is in force (inclusive); <see langword="null"/> while it still is.</summary>
    /// <param name="lastDay">The last day, or <see langword="null"/> for an open end.</param>
    /// <returns>This builder.</returns>
    public RuleVersionBuilder Until(LocalDate? lastDay)
    {
        _definition.EffectiveUntil = lastDay is LocalDate day ? IsoDates.Format(day) : null;
        return this;
    }

    /// <summary>Sets where the version's text comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</summary>
    /// <param name="citation">The citation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder Citation(string citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        _definition.Citation = citation;
        return this;
    }

    /// <summary>Sets the version's full source wording.</summary>
    /// <param name="wording">The wording.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wording"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder Wording(string wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        _definition.Wording = wording;
        return this;
    }

    /// <summary>Sets how often disclosures under the version are reported.</summary>
    /// <param name="cadence">The cadence.</param>
    /// <returns>This builder.</returns>
    public RuleVersionBuilder Cadence(ReportingCadence cadence)
    {
        _definition.Cadence = cadence.ToString();
        return this;
    }

    /// <summary>Sets the Terms-of-Service catalogue the version's clauses refer to.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalogue"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder TermsOfService(TosCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _definition.TermsOfService = TosCatalogueDefinition.SameAs(catalogue, BuiltInRules.TermsOfService) ? null : TosCatalogueDefinition.From(catalogue);
        return this;
    }

    /// <summary>Makes the version a localized variant for the given countries, replacing any set before; none makes it a
    /// version for everyone.</summary>
    /// <param name="codes">ISO 3166-1 alpha-2 codes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codes"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder ForJurisdictions(params IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        _definition.Jurisdictions = [.. codes];
        return this;
    }

    /// <summary>Adds a clause after the others.</summary>
    /// <param name="id">The clause's identifier, unique within the version.</param>
    /// <param name="configure">Describes the clause.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RuleVersionBuilder Clause(string id, Action<ClauseBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        var clause = new ClauseBuilder(new ClauseDefinition { Id = id });
        configure(clause);
        _clauses.Add(clause);
        return this;
    }

    /// <summary>Adds an existing clause after the others.</summary>
    /// <param name="clause">The clause.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clause"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder Clause(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        _clauses.Add(new ClauseBuilder(ClauseDefinition.From(clause)));
        return this;
    }

    /// <summary>Inserts a clause just before an existing one, so its reason is reported before that one's.</summary>
    /// <param name="beforeId">The identifier of the clause to insert before.</param>
    /// <param name="id">The new clause's identifier.</param>
    /// <param name="configure">Describes the clause.</param>
    /// <returns>This builder. When no clause has <paramref name="beforeId"/>, <see cref="Build"/> reports it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RuleVersionBuilder ClauseBefore(string beforeId, string id, Action<ClauseBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(beforeId);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        int index = IndexOf(beforeId, "insert before");
        var clause = new ClauseBuilder(new ClauseDefinition { Id = id });
        configure(clause);
        if (index >= 0)
        {
            _clauses.Insert(index, clause);
        }

        return this;
    }

    /// <summary>Changes an existing clause: <paramref name="configure"/> starts from everything the clause holds and sets
    /// only what differs.</summary>
    /// <param name="id">The identifier of the clause to change.</param>
    /// <param name="configure">Changes the clause.</param>
    /// <returns>This builder. When no clause has <paramref name="id"/>, <see cref="Build"/> reports it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RuleVersionBuilder ReplaceClause(string id, Action<ClauseBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        int index = IndexOf(id, "replace");
        if (index >= 0)
        {
            configure(_clauses[index]);
        }

        return this;
    }

    /// <summary>Removes a clause.</summary>
    /// <param name="id">The identifier of the clause to remove.</param>
    /// <returns>This builder. When no clause has <paramref name="id"/>, <see cref="Build"/> reports it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public RuleVersionBuilder RemoveClause(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int index = IndexOf(id, "remove");
        if (index >= 0)
        {
            _clauses.RemoveAt(index);
        }

        return this;
    }

    /// <summary>Validates the version on its own and builds it.</summary>
    /// <returns>A new immutable version.</returns>
    /// <exception cref="RuleDefinitionException">The version is invalid; every problem is listed with its path.</exception>
    /// <remarks><para>Overlaps with other versions are checked when the version is added to a <see cref="Policy"/>.</para></remarks>
    public RuleVersion Build()
    {
        (RuleVersion? version, ValidationResult problems) = DefinitionCompiler.CompileVersion(ToDefinition(), Misuse(string.Empty));
        return version ?? throw new RuleDefinitionException(problems);
    }

    // The one authoring path: the builder only fills in a definition, which the compiler checks and builds.
    internal RuleVersionDefinition ToDefinition()
    {
        _definition.Clauses = [.. _clauses.Select(c => c.Definition)];
        return _definition;
    }

    internal IEnumerable<ValidationProblem> Misuse(string prefix) =>
        _misuse.Select(m => new ValidationProblem($"{prefix}clauses", m.Value, m.Message));

    private int IndexOf(string id, string action)
    {
        int index = _clauses.FindIndex(c => string.Equals(c.Id, id, StringComparison.Ordinal));
        if (index < 0)
        {
            _misuse.Add((id, $"no clause '{id}' to {action}; the clauses are: {string.Join(", ", _clauses.Select(c => c.Id))}"));
        }

        return index;
    }
}
