using System.Collections.ObjectModel;

namespace DisclosurePolicy;

/// <summary>
/// The outcome of validating a request or a rule definition: every problem found, not only the first.
/// </summary>
/// <remarks>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class ValidationResult
{
    private static readonly ReadOnlyCollection<ValidationProblem> NoProblems = new([]);

    /// <summary>Gets the result with no problems.</summary>
    public static ValidationResult Valid { get; } = new(NoProblems);

    private ValidationResult(ReadOnlyCollection<ValidationProblem> problems) => Problems = problems;

    /// <summary>Gets every problem found, in the order the fields were checked.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Gets a value indicating whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Creates a result holding the given problems.</summary>
    /// <param name="problems">The problems found; may be empty.</param>
    /// <returns>A result; <see cref="Valid"/> when <paramref name="problems"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public static ValidationResult From(IEnumerable<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ValidationProblem[] copy = [.. problems];
        return copy.Length == 0 ? Valid : new ValidationResult(Array.AsReadOnly(copy));
    }

    /// <summary>Returns every problem, one per line.</summary>
    /// <returns>The problems as text, or <c>valid</c> when there are none.</returns>
    public override string ToString() =>
        IsValid ? "valid" : string.Join(Environment.NewLine, Problems);
}
