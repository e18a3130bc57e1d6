namespace DisclosurePolicy.Testing;

/// <summary>The result of reading a case file: the suite when the file is valid, and every problem found.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class CaseSuiteReadResult
{
    internal CaseSuiteReadResult(CaseSuite? suite, ValidationResult problems)
    {
        Suite = suite;
        Problems = problems;
    }

    /// <summary>Gets the suite, or <see langword="null"/> when the file has a problem (a suite is never run in part).</summary>
    public CaseSuite? Suite { get; }

    /// <summary>Gets every problem, each with its path (such as <c>cases[2].request.instrument</c>), value and reason.</summary>
    public ValidationResult Problems { get; }

    /// <summary>Gets a value indicating whether the file was read without problems.</summary>
    public bool IsValid => Suite is not null;
}
