using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// Decides one request under two versions with the same engine and compares the decisions item by item: "what would
/// the 2018 rule have said about this 2025 request, and why is it different now?".
/// </summary>
/// <remarks>
/// <para>Both decisions come from <see cref="DisclosureEngine.Evaluate(LegalRequest, RuleVersion)"/> (or its date and
/// version-id overloads), so they fail closed exactly as evaluation does: an invalid request is denied on both sides with
/// the same reasons, and no exception escapes.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RequestComparer
{
    /// <summary>Initializes a new instance of the <see cref="RequestComparer"/> class.</summary>
    /// <param name="engine">The engine that decides both sides.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public RequestComparer(DisclosureEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>Gets the engine that decides both sides.</summary>
    public DisclosureEngine Engine { get; }

    /// <summary>Compares a request under two given versions, which need not belong to the engine's policy.</summary>
    /// <param name="request">The request.</param>
    /// <param name="left">The version compared from.</param>
    /// <param name="right">The version compared to.</param>
    /// <returns>Both decisions and the change of each item.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RequestComparison Compare(LegalRequest request, RuleVersion left, RuleVersion right)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return RequestComparison.Between(Engine.Evaluate(request, left), Engine.Evaluate(request, right));
    }

    /// <summary>Compares a request under two versions of the engine's policy named by id.</summary>
    /// <param name="request">The request.</param>
    /// <param name="leftVersionId">The id of the version compared from.</param>
    /// <param name="rightVersionId">The id of the version compared to.</param>
    /// <returns>Both decisions; an unknown id gives a deny with <see cref="ReasonCodes.UnknownVersion"/> on its side.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RequestComparison Compare(LegalRequest request, string leftVersionId, string rightVersionId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(leftVersionId);
        ArgumentNullException.ThrowIfNull(rightVersionId);
        return RequestComparison.Between(Engine.Evaluate(request, leftVersionId), Engine.Evaluate(request, rightVersionId));
    }

    /// <summary>Compares a request under the versions of the engine's policy in force on two dates (for the request's country).</summary>
    /// <param name="request">The request.</param>
    /// <param name="leftAsOf">The date whose version decides the left side.</param>
    /// <param name="rightAsOf">The date whose version decides the right side.</param>
    /// <returns>Both decisions; a date no version covers gives a deny with <see cref="ReasonCodes.NoVersionInForce"/> on its side.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public RequestComparison Compare(LegalRequest request, LocalDate leftAsOf, LocalDate rightAsOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestComparison.Between(Engine.Evaluate(request, leftAsOf), Engine.Evaluate(request, rightAsOf));
    }
}
