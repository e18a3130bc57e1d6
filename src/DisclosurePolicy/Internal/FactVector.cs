using System.Runtime.CompilerServices;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>
/// The facts of one account and data item as bit sets, indexed by <see cref="Fact"/>, so a condition is one mask test.
/// Scalar facts hold the single bit of their value; yes/no facts hold bit 0 for no and bit 1 for yes; set facts hold one
/// bit per member. The jurisdiction, a country code, is kept as text beside them.
/// </summary>
internal struct FactVector
{
    private FactBits _bits;

    /// <summary>The issuing jurisdiction's ISO code.</summary>
    public string Jurisdiction;

    /// <summary>Gets or sets the bits of a fact; <see cref="Fact.Jurisdiction"/> and <see cref="Fact.Unspecified"/> hold none.</summary>
    /// <param name="fact">The fact.</param>
    public ulong this[Fact fact]
    {
        readonly get => _bits[(int)fact];
        set => _bits[(int)fact] = value;
    }

    public static ulong Bit(int value) => 1UL << value;

    public static ulong Bit(bool value) => value ? 2UL : 1UL;

    [InlineArray((int)Fact.DataCategory + 1)]
    private struct FactBits
    {
        private ulong _element;
    }
}
