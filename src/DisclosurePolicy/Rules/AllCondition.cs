using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>A condition that holds when every operand holds; with no operand it always holds.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
internal sealed class AllCondition : Condition
{
    private readonly Condition[] _operands;

    internal AllCondition(IEnumerable<Condition> operands)
        : this(Internal.Operands.Copy(operands))
    {
    }

    private AllCondition(Condition[] operands)
        : base(operands.SelectMany(o => o.Facts))
    {
        _operands = operands;
        Operands = Array.AsReadOnly(operands);
    }

    /// <summary>Gets the operands, in order.</summary>
    public IReadOnlyList<Condition> Operands { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        _operands.Length == 0 ? "always" : string.Join(" and ", _operands.Select(Internal.Operands.Wrap));

    internal override IReadOnlyList<Condition> Children => _operands;

    internal override Condition Map(Func<Condition, Condition> leaf)
    {
        Condition[] mapped = [.. _operands.Select(o => o.Map(leaf))];
        return mapped.SequenceEqual(_operands) ? this : All(mapped);
    }

    internal override bool Holds(in FactVector facts)
    {
        foreach (Condition operand in _operands)
        {
            if (!operand.Holds(in facts))
            {
                return false;
            }
        }

        return true;
    }
}
