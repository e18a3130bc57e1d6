using System.Runtime.CompilerServices;

namespace DisclosurePolicy.Internal;

/// <summary>
/// The specified (non-zero, defined) members of an <see cref="int"/>-based enum whose values lie in 1 to 63, as one bit
/// mask computed once per type, so the hot path checks a value with a shift instead of <see cref="Enum.IsDefined{TEnum}(TEnum)"/>.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
internal static class DefinedValues<T>
    where T : struct, Enum
{
    /// <summary>Gets the mask; 0 when the enum does not fit (then callers use <see cref="Enum.IsDefined{TEnum}(TEnum)"/>).</summary>
    public static readonly ulong Mask = Compute();

    public static bool Contains(T value)
    {
        int number = Unsafe.BitCast<T, int>(value);
        return (uint)number < 64 && (Mask & (1UL << number)) != 0;
    }

    private static ulong Compute()
    {
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int))
        {
            return 0;
        }

        ulong mask = 0;
        foreach (T member in Enum.GetValues<T>())
        {
            int number = Unsafe.BitCast<T, int>(member);
            if (number is < 0 or > 63)
            {
                return 0;
            }

            if (number != 0)
            {
                mask |= 1UL << number;
            }
        }

        return mask;
    }
}
