namespace DisclosurePolicy.Requests;

/// <summary>The kind of proceeding the order was made in.</summary>
/// <remarks><para>Zero is <see cref="Unspecified"/>, which every entry point treats as missing information.</para></remarks>
public enum ProceedingKind
{
    /// <summary>Not stated; an invalid value that evaluation denies.</summary>
    Unspecified = 0,

    /// <summary>A criminal investigation or prosecution.</summary>
    Criminal,

    /// <summary>Civil litigation.</summary>
    Civil,

    /// <summary>Administrative proceedings.</summary>
    Administrative,

    /// <summary>National-security proceedings.</summary>
    NationalSecurity,

    /// <summary>The execution of a sentence already passed.</summary>
    ExecutionOfSentence,

    /// <summary>No proceeding at all.</summary>
    None,
}
