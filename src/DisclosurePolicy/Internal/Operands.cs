using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>Shared handling of the operand lists of composite conditions.</summary>
internal static class Operands
{
    public static Condition[] Copy(IEnumerable<Condition> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        Condition[] copy = [.. operands];
        foreach (Condition operand in copy)
        {
            ArgumentNullException.ThrowIfNull(operand, nameof(operands));
        }

        return copy;
    }

    // Composite operands are bracketed so the rendering reads unambiguously.
    public static string Wrap(Condition operand) =>
        operand is AllCondition { Operands.Count: > 1 } or AnyCondition { Operands.Count: > 1 } ? $"({operand})" : operand.ToString();
}
