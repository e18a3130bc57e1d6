namespace DisclosurePolicy.Evaluation;

/// <summary>A fact a reason looked at, with the value it had.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares name and value.</para></remarks>
public sealed record FactValue
{
    /// <summary>Initializes a new instance of the <see cref="FactValue"/> class.</summary>
    /// <param name="name">The fact's name, such as <c>issuing authority</c>, or a request field path.</param>
    /// <param name="value">The value, as text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public FactValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
    }

    /// <summary>Gets the fact's name.</summary>
    public string Name { get; }

    /// <summary>Gets the value, as text.</summary>
    public string Value { get; }

    /// <summary>Returns <c>name = value</c>.</summary>
    /// <returns>The fact and its value.</returns>
    public override string ToString() => $"{Name} = {Value}";
}
