using System.Numerics;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The classes of a one-valued fact (an enum or yes/no): its values split by membership in every value set the clauses
/// test. Each class is a bit mask of the values it holds, in the same bit layout as <see cref="FactVector"/>.
/// </summary>
internal sealed class MemberPartition : AxisPartition
{
    private readonly Fact _fact;
    private readonly ulong _all;
    private readonly ulong[] _members;
    private readonly string? _yes;
    private readonly string? _no;

    private MemberPartition(SpaceAxis axis, string key, Fact fact, ulong all, ulong[] members, ulong[] representatives, string? yes, string? no)
        : base(axis, key, FactInfo.Describe(fact))
    {
        _fact = fact;
        _all = all;
        _members = members;
        Representatives = representatives;
        _yes = yes;
        _no = no;
    }

    public override int Count => _members.Length;

    /// <summary>Gets the fact the partition splits.</summary>
    public Fact Fact => _fact;

    /// <summary>Gets, per class, the <see cref="FactVector"/> bits of the value that stands for the class.</summary>
    public ulong[] Representatives { get; }

    public ulong Members(int index) => _members[index];

    /// <summary>Partitions an enum fact by the masks tested.</summary>
    public static MemberPartition Scalar(SpaceAxis axis, string key, Fact fact, IEnumerable<ulong> masks)
    {
        ulong all = ValueClasses.All(fact);
        ulong[] members = ValueClasses.Split(all, masks);
        ulong[] representatives = [.. members.Select(m => m & (~m + 1))];
        return new MemberPartition(axis, key, fact, all, members, representatives, null, null);
    }

    /// <summary>Partitions a yes/no fact; a class holding both answers is represented by <paramref name="preferYes"/>.</summary>
    public static MemberPartition YesNo(SpaceAxis axis, string key, Fact fact, IEnumerable<ulong> masks, bool preferYes, string yes, string no)
    {
        const ulong All = 3UL;
        ulong[] members = ValueClasses.Split(All, masks);
        ulong[] representatives = [.. members.Select(m => m == All ? FactVector.Bit(preferYes) : m)];
        return new MemberPartition(axis, key, fact, All, members, representatives, yes, no);
    }

    public override long Raw(int index) => BitOperations.PopCount(_members[index]);

    public override string Phrase(int index) => Text(_members[index]) ?? (_yes is null ? $"any {Name}" : $"{_yes} or not");

    public override RegionCondition? Describe(ReadOnlySpan<ulong> classes)
    {
        ulong union = 0;
        for (int i = 0; i < _members.Length; i++)
        {
            if (Has(classes, i))
            {
                union |= _members[i];
            }
        }

        string? text = Text(union);
        return text is null ? null : new RegionCondition(Key, text, Names(union));
    }

    private string? Text(ulong members)
    {
        if (members == _all)
        {
            return null;
        }

        if (_yes is not null)
        {
            return members == 2UL ? _yes : _no;
        }

        List<string> inside = Names(members);
        List<string> outside = Names(_all & ~members);
        return inside.Count <= outside.Count
            ? $"{Name} is {JoinOr(inside)}"
            : outside.Count == 1 ? $"{Name} is not {outside[0]}" : $"{Name} is none of {JoinOr(outside)}";
    }

    private List<string> Names(ulong members)
    {
        var names = new List<string>();
        for (ulong rest = members; rest != 0; rest &= rest - 1)
        {
            names.Add(FactInfo.ValueName(_fact, BitOperations.TrailingZeroCount(rest)));
        }

        return names;
    }
}
