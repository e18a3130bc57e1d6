using System.Runtime.CompilerServices;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>Describes one clause of a <see cref="RuleVersionBuilder"/>: its texts, its condition and its effect.</summary>
/// <remarks>
/// <para>Every method returns the same builder, so calls chain. Setting a value again replaces it, so a clause copied from
/// an existing one (<see cref="RuleVersionBuilder.ReplaceClause"/>) can change only what differs. Nothing is checked until
/// the version or policy is built; then every problem is reported at once.</para>
/// <para>Mutable and not thread-safe.</para>
/// </remarks>
public sealed class ClauseBuilder
{
    private string? _citation;
    private string? _wording;
    private string? _summary;
    private Condition? _condition;
    private ClauseEffectKind _effect;
    private string? _reasonCode;
    private DataCategory[] _categories = [];

    internal ClauseBuilder(string id) => Id = id;

    /// <summary>Gets the clause's identifier.</summary>
    public string Id { get; }

    /// <summary>Sets where the clause comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</summary>
    /// <param name="citation">The citation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Citation(string citation) => Set(ref _citation, citation);

    /// <summary>Sets the exact words of the policy the clause implements.</summary>
    /// <param name="wording">The wording.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wording"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Wording(string wording) => Set(ref _wording, wording);

    /// <summary>Sets what the clause requires, in one sentence a reviewer can check against the wording.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    public ClauseBuilder Summary(string summary) => Set(ref _summary, summary);

    /// <summary>Sets when the clause fires; use <see cref="Condition.Always"/> for a clause that always fires.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public ClauseBuilder When(Condition condition) => Set(ref _condition, condition);

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
    private ClauseBuilder Set<T>(ref T? field, T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        field = value;
        return this;
    }

    internal static ClauseBuilder From(Clause clause)
    {
        var builder = new ClauseBuilder(clause.Id)
        {
            _citation = clause.Citation,
            _wording = clause.Wording,
            _summary = clause.Summary,
            _condition = clause.Condition,
        };
        return builder.Effect(clause.Effect.Kind, clause.Effect.ReasonCode, [.. clause.Effect.Categories]);
    }

    /// <summary>Builds the clause, or records every problem under <paramref name="path"/> and returns <see langword="null"/>.</summary>
    internal Clause? Build(string path, List<ValidationProblem> problems)
    {
        int before = problems.Count;
        if (_condition is null)
        {
            problems.Add(new($"{path}.when", null, "the clause needs a condition; use Condition.Always for a clause that always fires"));
        }

        if (_effect == ClauseEffectKind.Unspecified)
        {
            problems.Add(new($"{path}.effect", null, "the clause needs an effect: call Deny, NotApplicable, Pending or Permit"));
        }
        else if (string.IsNullOrWhiteSpace(_reasonCode))
        {
            problems.Add(new($"{path}.reasonCode", _reasonCode, "the clause needs a reason code, reported when it fires"));
        }

        if (_effect == ClauseEffectKind.Permit)
        {
            if (_categories.Length == 0)
            {
                problems.Add(new($"{path}.categories", null, $"a permit needs at least one data category; accepted: {EnumValues.Accepted<DataCategory>()}"));
            }

            for (int k = 0; k < _categories.Length; k++)
            {
                if (!EnumValues.IsSpecified(_categories[k]))
                {
                    problems.Add(new($"{path}.categories[{k}]", _categories[k].ToString(), $"not a known DataCategory; accepted: {EnumValues.Accepted<DataCategory>()}"));
                }
            }
        }

        if (problems.Count > before)
        {
            RuleValidator.ValidateClauseText(Id, _citation, _wording, _summary, path, problems);
            return null;
        }

        ClauseEffect effect = _effect switch
        {
            ClauseEffectKind.Deny => ClauseEffect.Deny(_reasonCode!),
            ClauseEffectKind.NotApplicable => ClauseEffect.NotApplicable(_reasonCode!),
            ClauseEffectKind.Pending => ClauseEffect.Pending(_reasonCode!),
            _ => ClauseEffect.Permit(_reasonCode!, _categories),
        };
        return new Clause(Id, _citation ?? string.Empty, _wording ?? string.Empty, _summary ?? string.Empty, _condition!, effect);
    }

    private ClauseBuilder Effect(ClauseEffectKind kind, string reasonCode, DataCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(reasonCode);
        _effect = kind;
        _reasonCode = reasonCode;
        _categories = categories;
        return this;
    }
}
