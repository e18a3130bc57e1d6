using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Requests;

/// <summary>A country that issues orders, named by its ISO 3166-1 alpha-2 code.</summary>
/// <remarks>
/// <para>The code is stored upper-case and compared ordinally. The <see langword="default"/> value has an empty code and
/// stands for an unspecified jurisdiction, which validation rejects. An unknown code is kept as given so that validation
/// can report it.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public readonly struct Jurisdiction : IEquatable<Jurisdiction>
{
    private readonly string? _code;

    // Whether the code is assigned, an EU member state today and its membership period, looked up once here rather than
    // on every evaluation.
    private readonly byte _class;

    /// <summary>Initializes a new instance of the <see cref="Jurisdiction"/> struct.</summary>
    /// <param name="code">An ISO 3166-1 alpha-2 code such as <c>DE</c>; surrounding white space and case are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public Jurisdiction(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        _code = code.Trim().ToUpperInvariant();
        _class = CountryCodes.Classify(_code);
    }

    /// <summary>Gets the upper-case code; empty for the <see langword="default"/> value.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Gets a value indicating whether the code is an assigned ISO 3166-1 alpha-2 code.</summary>
    public bool IsKnown => (_class & CountryCodes.KnownBit) != 0;

    /// <summary>Gets a value indicating whether the country is a member state of the European Union today (the latest
    /// membership the library knows: the 27 States since 2020-02-01).</summary>
    /// <remarks><para>Clauses judge membership on a request's receipt date (<see cref="IsEuMemberStateOn"/>): the United
    /// Kingdom, for one, was a member until 2020-01-31.</para></remarks>
    public bool IsEuMemberState => (_class & CountryCodes.EuBit) != 0;

    /// <summary>Returns whether the country was a member state of the European Union (or, before 1993, of the European
    /// Communities) on a date.</summary>
    /// <param name="date">The date, such as a request's receipt date.</param>
    /// <returns><see langword="true"/> when the country's membership covered the date, both ends included.</returns>
    public bool IsEuMemberStateOn(LocalDate date) => CountryCodes.IsEuMember(_class, date);

    /// <summary>Determines whether two jurisdictions have the same code.</summary>
    /// <param name="left">The first jurisdiction.</param>
    /// <param name="right">The second jurisdiction.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(Jurisdiction left, Jurisdiction right) => left.Equals(right);

    /// <summary>Determines whether two jurisdictions have different codes.</summary>
    /// <param name="left">The first jurisdiction.</param>
    /// <param name="right">The second jurisdiction.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(Jurisdiction left, Jurisdiction right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Jurisdiction other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Jurisdiction other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns the code.</summary>
    /// <returns>The upper-case code, or an empty string for the <see langword="default"/> value.</returns>
    public override string ToString() => Code;
}
