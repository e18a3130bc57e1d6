namespace DisclosurePolicy.Rules;

/// <summary>Thrown when a rule definition is invalid; lists every problem found, not only the first.</summary>
public sealed class RuleDefinitionException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="RuleDefinitionException"/> class.</summary>
    public RuleDefinitionException()
        : this(ValidationResult.From([new ValidationProblem("policy", null, "the rule definition is invalid")]))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleDefinitionException"/> class.</summary>
    /// <param name="message">The message.</param>
    public RuleDefinitionException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleDefinitionException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleDefinitionException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [new ValidationProblem("policy", null, message)];
    }

    /// <summary>Initializes a new instance of the <see cref="RuleDefinitionException"/> class.</summary>
    /// <param name="result">The failed validation; its problems become the message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public RuleDefinitionException(ValidationResult result)
        : base(Describe(result))
    {
        Problems = result.Problems;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string Describe(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"The rule definition has {result.Problems.Count} problem(s):{Environment.NewLine}{result}";
    }
}
