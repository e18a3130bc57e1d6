using System.Collections.Frozen;
using DisclosurePolicy.Internal;

namespace DisclosurePolicy.Rules;

/// <summary>A test that the issuing jurisdiction is one of a set of countries.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
internal sealed class JurisdictionCondition : Condition
{
    private readonly FrozenSet<string> _codes;

    internal JurisdictionCondition(IEnumerable<string> codes)
        : base([Fact.Jurisdiction])
    {
        ArgumentNullException.ThrowIfNull(codes);
        string[] normalized = [.. codes.Select(Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (normalized.Length == 0)
        {
            throw new ArgumentException("A jurisdiction test needs at least one country code.", nameof(codes));
        }

        _codes = normalized.ToFrozenSet(StringComparer.Ordinal);
        Codes = Array.AsReadOnly(normalized);
    }

    /// <summary>Gets the upper-case ISO 3166-1 alpha-2 codes, in ordinal order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <inheritdoc/>
    public override string ToString() => $"issuing jurisdiction is {string.Join(", ", Codes)}";

    internal override bool Holds(in FactVector facts) => facts.Jurisdiction is not null && _codes.Contains(facts.Jurisdiction);

    private static string Normalize(string code)
    {
        if (code is null)
        {
            throw new ArgumentException("A country code is null.", nameof(code));
        }

        string upper = code.Trim().ToUpperInvariant();
        return CountryCodes.IsAssigned(upper)
            ? upper
            : throw new ArgumentException($"'{code}' is not an ISO 3166-1 alpha-2 country code.", nameof(code));
    }
}
