namespace DisclosurePolicy.Cli;

/// <summary>The program's exit codes. A decision that denies is a result, not an error: it exits with <see cref="Success"/>.</summary>
public static class ExitCodes
{
    /// <summary>Every command completed; every request was decided.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure; a one-line message was written to the error output.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a usage error or a file or request with problems, each reported on its own line.</summary>
    public const int BadInput = 2;

    /// <summary><c>test</c>: every case file was read, and at least one case was not decided as expected.</summary>
    public const int CasesFailed = 3;

    /// <summary><c>test --coverage-threshold</c>: every case passed, but fewer clauses fired than the threshold asks.</summary>
    public const int CoverageBelowThreshold = 4;
}
