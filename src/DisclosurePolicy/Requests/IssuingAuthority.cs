namespace DisclosurePolicy.Requests;

/// <summary>The body that issued an order: its kind and, for the record, its name.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares kind and name.</para></remarks>
public sealed record IssuingAuthority
{
    /// <summary>Initializes a new instance of the <see cref="IssuingAuthority"/> class.</summary>
    /// <param name="kind">The kind of body.</param>
    /// <param name="name">The body's name as the order gives it, or <see langword="null"/>.</param>
    public IssuingAuthority(IssuingAuthorityKind kind, string? name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>Gets the kind of body.</summary>
    public IssuingAuthorityKind Kind { get; }

    /// <summary>Gets the body's name as the order gives it, or <see langword="null"/>.</summary>
    public string? Name { get; }
}
