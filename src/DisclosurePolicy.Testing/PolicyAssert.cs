using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing.Internal;

namespace DisclosurePolicy.Testing;

/// <summary>
/// Checks of rule versions for a host's own tests, under any test framework: a failed check throws
/// <see cref="PolicyAssertionException"/> whose message shows the counterexample request as JSON, the decision of each
/// version and the clauses that differ.
/// </summary>
/// <remarks>
/// <para>The version checks are exact: they rest on <see cref="VersionComparer"/>, which decides one item of every class
/// of facts the versions' clauses can tell apart, so a check that passes holds for every request, not only for a sample.
/// The counterexample is then decided by <see cref="DisclosureEngine"/> under each version, as a host would see it.</para>
/// </remarks>
public static class PolicyAssert
{
    /// <summary>Checks that a version permits nothing its reference does not (for example, a country variant is no wider
    /// than the version it derives from).</summary>
    /// <param name="version">The version checked.</param>
    /// <param name="reference">The version it is measured against.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException"><paramref name="version"/> permits a request <paramref name="reference"/> does not.</exception>
    public static void IsAtMostAsPermissive(RuleVersion version, RuleVersion reference) => AtMost(version, reference, null);

    /// <summary>Checks that, where a condition holds, a version permits nothing its reference does not.</summary>
    /// <param name="version">The version checked.</param>
    /// <param name="reference">The version it is measured against.</param>
    /// <param name="where">The requests considered, such as <c>Condition.JurisdictionIs("DE")</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException"><paramref name="version"/> permits a request inside <paramref name="where"/> that <paramref name="reference"/> does not.</exception>
    public static void IsAtMostAsPermissive(RuleVersion version, RuleVersion reference, Condition where)
    {
        ArgumentNullException.ThrowIfNull(where);
        AtMost(version, reference, where);
    }

    /// <summary>Checks that two versions decide every item the same way (permitted, denied, pending or not applicable).</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException">The versions decide some request differently.</exception>
    public static void AreEquivalent(RuleVersion left, RuleVersion right) => Equivalent(left, right, null);

    /// <summary>Checks that two versions decide every item where a condition holds the same way.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    /// <param name="where">The requests considered.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException">The versions decide some request inside <paramref name="where"/> differently.</exception>
    public static void AreEquivalent(RuleVersion left, RuleVersion right, Condition where)
    {
        ArgumentNullException.ThrowIfNull(where);
        Equivalent(left, right, where);
    }

    /// <summary>Checks that a version never permits anything where a condition holds, for example never message content
    /// (<c>Condition.DataCategoryIs(DataCategory.CloudMessageContent, DataCategory.SecretChatContent)</c>) or never in a
    /// civil case (<c>Condition.ProceedingIs(ProceedingKind.Civil)</c>).</summary>
    /// <param name="version">The version checked.</param>
    /// <param name="where">The requests it must never permit.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException">The version permits a request inside <paramref name="where"/>.</exception>
    public static void NeverPermits(RuleVersion version, Condition where)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(where);
        ComparisonVerdict verdict = VersionComparer.IsAtMostAsPermissive(version, PermitSeeds.Nothing(version), where);
        if (verdict.Counterexample is LegalRequest request)
        {
            Decision decision = KitEngines.Any.Evaluate(request, version);
            string[] permits = [.. decision.Reasons.Where(r => r.Effect == ClauseEffectKind.Permit).Select(FailureText.Describe)];
            throw new PolicyAssertionException(
                FailureText.Single($"Expected {version.Id} never to permit where {where}, but it permits this request. Clauses that permit:", request, decision, permits),
                request);
        }
    }

    /// <summary>Checks that an engine decides a request as expected (outcome, items, reason codes), with the engine's own
    /// version selection and clock.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="request">The request.</param>
    /// <param name="expected">What the decision must say.</param>
    /// <returns>The decision, for further checks.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException">The decision differs from the expectation.</exception>
    public static Decision Decides(DisclosureEngine engine, LegalRequest request, ExpectedDecision expected)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        return Check(engine.Evaluate(request), request, expected);
    }

    /// <summary>Checks that a version decides a request as expected (outcome, items, reason codes).</summary>
    /// <param name="version">The version that decides, whatever its period.</param>
    /// <param name="request">The request.</param>
    /// <param name="expected">What the decision must say.</param>
    /// <returns>The decision, for further checks.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PolicyAssertionException">The decision differs from the expectation.</exception>
    public static Decision Decides(RuleVersion version, LegalRequest request, ExpectedDecision expected)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(request);
        return Check(KitEngines.Any.Evaluate(request, version), request, expected);
    }

    internal static Decision Check(Decision decision, LegalRequest request, ExpectedDecision expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        IReadOnlyList<string> mismatches = expected.Mismatches(decision);
        if (mismatches.Count > 0)
        {
            throw new PolicyAssertionException(
                FailureText.Single($"Request {request.Id} under {decision.VersionId ?? "no version"} is not decided as expected:", request, decision, mismatches),
                request);
        }

        return decision;
    }

    private static void AtMost(RuleVersion version, RuleVersion reference, Condition? where)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(reference);
        ComparisonVerdict verdict = where is null
            ? VersionComparer.IsAtMostAsPermissive(version, reference)
            : VersionComparer.IsAtMostAsPermissive(version, reference, where);
        Fail(verdict, version, reference, $"Expected {version.Id} to be at most as permissive as {reference.Id}{Where(where)}, but {version.Id} permits what {reference.Id} does not.");
    }

    private static void Equivalent(RuleVersion left, RuleVersion right, Condition? where)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ComparisonVerdict verdict = where is null ? VersionComparer.AreEquivalent(left, right) : VersionComparer.AreEquivalent(left, right, where);
        Fail(verdict, left, right, $"Expected {left.Id} and {right.Id} to be equivalent{Where(where)}, but they decide this request differently.");
    }

    private static void Fail(ComparisonVerdict verdict, RuleVersion left, RuleVersion right, string headline)
    {
        if (verdict.Counterexample is LegalRequest request)
        {
            RequestComparison comparison = new RequestComparer(KitEngines.Any).Compare(request, left, right);
            throw new PolicyAssertionException(FailureText.Comparison(headline, request, comparison), request);
        }
    }

    private static string Where(Condition? where) => where is null ? string.Empty : $" where {where}";
}
