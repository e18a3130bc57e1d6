using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>A condition that holds when its operand does not.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
internal sealed class NotCondition : Condition
{
    private readonly Condition _operand;

    internal NotCondition(Condition operand)
        : base(NotNull(operand).Facts)
    {
        _operand = operand;
    }

    /// <summary>Gets the negated condition.</summary>
    public Condition Operand => _operand;

    /// <inheritdoc/>
    public override string ToString() => $"not {Operands.Wrap(_operand)}";

    internal override IReadOnlyList<Condition> Children => [_operand];

    internal override Condition Map(Func<Condition, Condition> leaf)
    {
        Condition mapped = _operand.Map(leaf);
        return ReferenceEquals(mapped, _operand) ? this : Not(mapped);
    }

    internal override bool Holds(in FactVector facts) => !_operand.Holds(in facts);

    private static Condition NotNull(Condition operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return operand;
    }
}
