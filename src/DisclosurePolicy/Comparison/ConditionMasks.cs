using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// Every distinction the clauses of two versions (and an optional scope) can draw on their outcomes: the value masks of
/// their fact tests, the country sets of their jurisdiction tests, and the Terms-of-Service masks each version tests
/// through its own catalogue, read from the clauses merged as <see cref="OutcomeConditions"/> merges them.
/// </summary>
internal sealed class ConditionMasks
{
    private readonly Dictionary<Fact, List<ulong>> _facts = [];

    /// <summary>Gets the Terms-of-Service masks tested by each side (0 = left, including the scope; 1 = right).</summary>
    public List<ulong>[] TosItems { get; } = [[], []];

    /// <summary>Gets the country sets tested by jurisdiction conditions, and the audiences of localized variants.</summary>
    public List<string[]> JurisdictionSets { get; } = [];

    public static ConditionMasks Of(RuleVersion left, RuleVersion right, Condition? scope)
    {
        var masks = new ConditionMasks();
        masks.AddVersion(left, 0);
        masks.AddVersion(right, 1);
        if (scope is not null)
        {
            masks.Walk(scope, 0);
        }

        return masks;
    }

    /// <summary>Returns the distinct non-empty masks over the given fact's values.</summary>
    public IReadOnlyList<ulong> For(Fact fact) => _facts.TryGetValue(fact, out List<ulong>? list) ? list : [];

    public bool Tests(Fact fact) => For(fact).Count > 0;

    private void AddVersion(RuleVersion version, int side)
    {
        foreach ((Condition condition, ulong categories) in OutcomeConditions.Of(version))
        {
            Walk(condition, side);
            if (categories != 0)
            {
                Add(Fact.DataCategory, categories);
            }
        }

        string[] audience = [.. version.Jurisdictions.Where(CountryCodes.IsAssigned)];
        if (audience.Length > 0)
        {
            JurisdictionSets.Add(audience);
        }
    }

    private void Walk(Condition condition, int side)
    {
        foreach (Condition leaf in condition.Leaves())
        {
            switch (leaf)
            {
                case JurisdictionCondition jurisdiction:
                    JurisdictionSets.Add([.. jurisdiction.Codes]);
                    break;
                case FactCondition { Fact: Fact.TosItems } tos:
                    if (!TosItems[side].Contains(tos.Mask))
                    {
                        TosItems[side].Add(tos.Mask);
                    }

                    break;
                case FactCondition fact:
                    Add(fact.Fact, fact.Mask);
                    break;
            }
        }
    }

    private void Add(Fact fact, ulong mask)
    {
        if (!_facts.TryGetValue(fact, out List<ulong>? list))
        {
            list = [];
            _facts.Add(fact, list);
        }

        if (mask != 0 && !list.Contains(mask))
        {
            list.Add(mask);
        }
    }
}
