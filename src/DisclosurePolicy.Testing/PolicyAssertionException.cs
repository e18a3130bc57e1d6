using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Testing;

/// <summary>
/// Thrown when a check of the kit fails. Its message is the readable failure: what was expected, the counterexample request
/// as JSON, the decision of each version, and the clauses that account for the difference. Every test framework reports an
/// exception as a failure, so the kit needs none of them.
/// </summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PolicyAssertionException"/> class.</summary>
    public PolicyAssertionException()
        : base("A disclosure policy check failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PolicyAssertionException"/> class with a message.</summary>
    /// <param name="message">The readable failure.</param>
    public PolicyAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PolicyAssertionException"/> class with a message and a cause.</summary>
    /// <param name="message">The readable failure.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PolicyAssertionException"/> class for a counterexample.</summary>
    /// <param name="message">The readable failure.</param>
    /// <param name="counterexample">The request that shows the failure.</param>
    public PolicyAssertionException(string message, LegalRequest? counterexample)
        : base(message)
    {
        Counterexample = counterexample;
    }

    /// <summary>Gets the request that shows the failure, when there is one, to turn into a regression test.</summary>
    public LegalRequest? Counterexample { get; }
}
