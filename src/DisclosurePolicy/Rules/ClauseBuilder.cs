using System.Runtime.CompilerServices;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>Describes one clause of a <see cref="RuleVersionBuilder"/>: its texts, its condition and its effect.</summary>
/// <remarks>
/// <para>Every method returns the same builder, so calls chain. Setting a value again replaces it, so a clause copied from
/// an existing one (<see cref="RuleVersionBuilder.ReplaceClause"/>) can change only what differs. Nothing is checked until
/// the version or policy is built; then every problem is reported at once, with the same messages as a rules file or
/// configuration gets, because the builder only fills in a <see cref="ClauseDefinition"/>.</para>
/// <para>Mutable and not thread-safe.</para>
/// </remarks>
public sealed class ClauseBuilder
{
    internal ClauseBuilder(ClauseDefinition definition) => Definition = definition;

    /// <summary>Gets the clause's identifier.</summary>
    public string Id => Definition.Id ?? string.Empty;

    /// <summary>Gets the definition this builder fills in.</summary>
    internal ClauseDefinition Definition { get; }

    /// <summary>Sets where the clause comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</summary>
    /// <param name="citation">The citation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Citation(string citation) => Set(citation, (d, v) => d.Citation = v);

    /// <summary>Sets the exact words of the policy the clause implements.</summary>
    /// <param name="wording">The wording.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wording"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Wording(string wording) => Set(wording, (d, v) => d.Wording = v);

    /// <summary>Sets what the clause requires, in one sentence a reviewer can check against the wording.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Summary(string summary) => Set(summary, (d, v) => d.Summary = v);

    /// <summary>Sets when the clause fires; use <see cref="Condition.Always"/> for a clause that always fires.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public ClauseBuilder When(Condition condition) => Set(condition, (d, v) => d.When = ConditionDefinition.From(v));

    /// <summary>Makes the clause deny the item when it fires; a deny overrides every other effect.</summary>
    /// <param name="reasonCode">The reason code reported, such as <c>OrderNotValid</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Deny(string reasonCode) => Effect(ClauseEffectKind.Deny, reasonCode, []);

    /// <summary>Makes the clause declare the request outside the rule when it fires (for example preservation only).</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    public ClauseBuilder NotApplicable(string reasonCode) => Effect(ClauseEffectKind.NotApplicable, reasonCode, []);

    /// <summary>Makes the clause hold the item pending (and oblige the legal analysis) when it fires.</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Pending(string reasonCode) => Effect(ClauseEffectKind.Pending, reasonCode, []);

    /// <summary>Makes the clause permit the given data categories when it fires and no stronger clause fires.</summary>
    /// <param name="reasonCode">The reason code reported.</param>
    /// <param name="categories">The categories permitted; at least one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ClauseBuilder Permit(string reasonCode, params IEnumerable<DataCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return Effect(ClauseEffectKind.Permit, reasonCode, [.. categories]);
    }

    // A setter replaces the value; a null argument is a caller bug, reported under the caller's parameter name.
    private ClauseBuilder Set<T>(T value, Action<ClauseDefinition, T> set, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        set(Definition, value);
        return this;
    }

    private ClauseBuilder Effect(ClauseEffectKind kind, string reasonCode, DataCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(reasonCode);
        Definition.Effect = kind.ToString();
        Definition.ReasonCode = reasonCode;
        Definition.Categories = [.. categories.Select(c => c.ToString())];
        return this;
    }
}
