using System.Globalization;
using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>
/// A test that a fact takes one of a set of values; for a set-valued fact (<see cref="Fact.Offences"/>,
/// <see cref="Fact.TosItems"/>) that the set includes at least one of them.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
internal sealed class FactCondition : Condition
{
    private readonly int[] _values;

    internal FactCondition(Fact fact, IEnumerable<int> values)
        : base([fact])
    {
        Fact = fact;
        _values = [.. values.Distinct().Order()];
        Values = Array.AsReadOnly(_values.Select(v => FactInfo.ValueName(fact, v)).ToArray());
        foreach (int value in _values)
        {
            Mask |= 1UL << value;
        }
    }

    /// <summary>Gets the fact tested.</summary>
    public Fact Fact { get; }

    /// <summary>Gets the accepted values by name (enum member names, or <c>yes</c>/<c>no</c>), in declaration order.</summary>
    public IReadOnlyList<string> Values { get; }

    internal ulong Mask { get; }

    internal IReadOnlyList<int> ValueNumbers => _values;

    /// <summary>Creates a test of any fact except <see cref="Fact.Jurisdiction"/> from value names, as configuration gives them.</summary>
    /// <param name="fact">The fact to test.</param>
    /// <param name="values">Enum member names (case-insensitive), or <c>yes</c>/<c>no</c> for yes/no facts.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The fact is unknown or a code fact, a name is not accepted, or no name is given; the message lists the accepted names.</exception>
    public static FactCondition Create(Fact fact, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!FactInfo.IsDefined(fact) || FactInfo.Shape(fact) == FactShape.Code)
        {
            throw new ArgumentException($"'{fact}' cannot be tested by value; use Condition.JurisdictionIs for jurisdictions.", nameof(fact));
        }

        var numbers = new List<int>();
        foreach (string name in values)
        {
            if (name is null || !FactInfo.TryParseValue(fact, name, out int number))
            {
                throw new ArgumentException($"'{name}' is not a value of {fact}; accepted: {FactInfo.AcceptedValues(fact)}.", nameof(values));
            }

            numbers.Add(number);
        }

        return numbers.Count == 0
            ? throw new ArgumentException($"A test of {fact} needs at least one value.", nameof(values))
            : new FactCondition(fact, numbers);
    }

    internal static FactCondition Of<T>(Fact fact, IEnumerable<T> values)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        var numbers = new List<int>();
        foreach (T value in values)
        {
            if (!EnumValues.IsSpecified(value))
            {
                throw new ArgumentException($"'{value}' is not a value of {fact}; accepted: {EnumValues.Accepted<T>()}.", nameof(values));
            }

            numbers.Add(Convert.ToInt32(value, CultureInfo.InvariantCulture));
        }

        return numbers.Count == 0
            ? throw new ArgumentException($"A test of {fact} needs at least one value.", nameof(values))
            : new FactCondition(fact, numbers);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string name = FactInfo.Describe(Fact);
        return FactInfo.Shape(Fact) switch
        {
            FactShape.YesNo when _values.Length == 1 => _values[0] == 1 ? name : $"not {name}",
            FactShape.Set when Values.Count == 1 => $"{name} include {Values[0]}",
            FactShape.Set => $"{name} include any of {Join(Values)}",
            _ => $"{name} is {Join(Values)}",
        };
    }

    internal override bool Holds(in FactVector facts) => (facts[Fact] & Mask) != 0;

    private static string Join(IReadOnlyList<string> names) =>
        names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
}
