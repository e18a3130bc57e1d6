namespace DisclosurePolicy.Reporting;

/// <summary>How many denied requests cite one reason code.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares both members.</para></remarks>
public sealed record ReasonCount
{
    /// <summary>Initializes a new instance of the <see cref="ReasonCount"/> class.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="requests">The number of denied requests citing it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public ReasonCount(string code, int requests)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        Requests = requests;
    }

    /// <summary>Gets the reason code, such as <c>IssuerNotJudicialAuthority</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the number of denied requests citing it (each request once per code).</summary>
    public int Requests { get; }
}
