using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>A condition that holds when at least one operand holds; with no operand it never holds.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
internal sealed class AnyCondition : Condition
{
    private readonly Condition[] _operands;

    internal AnyCondition(IEnumerable<Condition> operands)
        : this(Internal.Operands.Copy(operands))
    {
    }

    private AnyCondition(Condition[] operands)
        : base(operands.SelectMany(o => o.Facts))
    {
        _operands = operands;
        Operands = Array.AsReadOnly(operands);
    }

    /// <summary>Gets the operands, in order.</summary>
    public IReadOnlyList<Condition> Operands { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        _operands.Length == 0 ? "never" : string.Join(" or ", _operands.Select(Internal.Operands.Wrap));

    internal override IReadOnlyList<Condition> Children => _operands;

    internal override Condition Map(Func<Condition, Condition> leaf)
    {
        Condition[] mapped = [.. _operands.Select(o => o.Map(leaf))];
        return mapped.SequenceEqual(_operands) ? this : Any(mapped);
    }

    internal override bool Holds(in FactVector facts)
    {
        foreach (Condition operand in _operands)
        {
            if (operand.Holds(in facts))
            {
                return true;
            }
        }

        return false;
    }
}
