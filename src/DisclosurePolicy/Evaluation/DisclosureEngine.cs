using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Evaluation;

/// <summary>
/// Decides, under the version of a policy in force when a request was received (or a version named by the caller), what
/// may be disclosed for each named account and data category, and why.
/// </summary>
/// <remarks>
/// <para>Evaluation never throws and fails closed: a missing request, a request that does not validate, a date no version
/// covers, an unknown version and any internal failure all give a <see cref="DecisionOutcome.Deny"/> with reasons.</para>
/// <para>The engine reads no clock but the <see cref="IClock"/> it is given, and only to stamp decisions. The decision date,
/// which picks the transparency-report period, is taken in the engine's time zone (UTC unless given).</para>
/// <para>Immutable and safe to share across threads; create one per policy and reuse it.</para>
/// </remarks>
public sealed class DisclosureEngine
{
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;

    /// <summary>Initializes a new instance of the <see cref="DisclosureEngine"/> class, with decision dates in UTC.</summary>
    /// <param name="policy">The policy whose versions decide.</param>
    /// <param name="clock">The clock that stamps decisions.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DisclosureEngine(Policy policy, IClock clock)
        : this(policy, clock, DateTimeZone.Utc)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DisclosureEngine"/> class.</summary>
    /// <param name="policy">The policy whose versions decide.</param>
    /// <param name="clock">The clock that stamps decisions.</param>
    /// <param name="zone">The time zone in which the decision date is taken.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DisclosureEngine(Policy policy, IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        Policy = policy;
        _clock = clock;
        _zone = zone;
    }

    /// <summary>Gets the policy whose versions decide.</summary>
    public Policy Policy { get; }

    /// <summary>Gets the time zone in which decision dates are taken.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>Evaluates a request under the version in force on the date it was received.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The explained decision; never <see langword="null"/>, never thrown.</returns>
    public Decision Evaluate(LegalRequest? request) => Run(request, null, null, null);

    /// <summary>Evaluates a request under a version named by id ("what would the 2018 rule have said?").</summary>
    /// <param name="request">The request.</param>
    /// <param name="versionId">The version's id, compared without regard to case.</param>
    /// <returns>The explained decision; a deny with <see cref="ReasonCodes.UnknownVersion"/> when there is no such version.</returns>
    public Decision Evaluate(LegalRequest? request, string? versionId) =>
        Run(request, Policy.FindVersion(versionId), versionId ?? string.Empty, null);

    /// <summary>Evaluates a request under the version in force on another date than its receipt.</summary>
    /// <param name="request">The request.</param>
    /// <param name="asOf">The date whose version applies.</param>
    /// <returns>The explained decision; a deny with <see cref="ReasonCodes.NoVersionInForce"/> when none is in force then.</returns>
    public Decision Evaluate(LegalRequest? request, LocalDate asOf) => Run(request, null, null, asOf);

    /// <summary>Evaluates a request under a given version, which need not belong to <see cref="Policy"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="version">The version.</param>
    /// <returns>The explained decision; a deny with <see cref="ReasonCodes.UnknownVersion"/> when <paramref name="version"/> is <see langword="null"/>.</returns>
    public Decision Evaluate(LegalRequest? request, RuleVersion? version) => Run(request, version, version is null ? string.Empty : null, null);

    /// <summary>Decides a request under the version in force when it was received, without building an explanation.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The same outcome <see cref="Evaluate(LegalRequest)"/> gives.</returns>
    /// <remarks><para>The hot path: it allocates nothing.</para></remarks>
    public DecisionOutcome Decide(LegalRequest? request)
    {
        try
        {
            if (request is null || !RequestValidator.IsValid(request))
            {
                return DecisionOutcome.Deny;
            }

            RuleVersion? version = Policy.VersionInForceOn(request.ReceivedOn, request.Jurisdiction);
            return version is null ? DecisionOutcome.Deny : DecideItems(request, version);
        }
#pragma warning disable CA1031 // Fail closed: whatever goes wrong while deciding, the answer is a deny, never an exception.
        catch (Exception)
#pragma warning restore CA1031
        {
            return DecisionOutcome.Deny;
        }
    }

    /// <summary>Decides a request under a given version, without building an explanation.</summary>
    /// <param name="request">The request.</param>
    /// <param name="version">The version.</param>
    /// <returns>The same outcome <see cref="Evaluate(LegalRequest, RuleVersion)"/> gives.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the engine's instance API, beside Decide(request).")]
    public DecisionOutcome Decide(LegalRequest? request, RuleVersion? version)
    {
        try
        {
            return version is null || request is null || !RequestValidator.IsValid(request) ? DecisionOutcome.Deny : DecideItems(request, version);
        }
#pragma warning disable CA1031 // Fail closed, as above.
        catch (Exception)
#pragma warning restore CA1031
        {
            return DecisionOutcome.Deny;
        }
    }

    private static DecisionOutcome DecideItems(LegalRequest request, RuleVersion version)
    {
        Clause[] clauses = version.ClauseArray;
        IReadOnlyList<Subject> subjects = request.Subjects;
        IReadOnlyList<DataCategory> categories = request.RequestedData;
        var tally = default(OutcomeTally);
        FactVector order = FactReader.ForOrder(request);
        for (int s = 0; s < subjects.Count; s++)
        {
            FactVector facts = order;
            FactReader.SetSubject(ref facts, subjects[s], version, request.ReceivedOn);
            for (int c = 0; c < categories.Count; c++)
            {
                FactReader.SetCategory(ref facts, categories[c]);
                tally.Add(ItemEvaluator.Evaluate(clauses, in facts, []));
            }
        }

        return tally.Combine();
    }

    // 'unknownVersionId' is non-null when the caller named a version that could not be found.
    private Decision Run(LegalRequest? request, RuleVersion? named, string? unknownVersionId, LocalDate? asOf)
    {
        Instant decidedAt = default;
        RuleVersion? version = named;
        try
        {
            decidedAt = _clock.GetCurrentInstant();
            if (version is null && unknownVersionId is null && request is not null && (asOf is not null || request.ReceivedOn != default))
            {
                version = Policy.VersionInForceOn(asOf ?? request.ReceivedOn, request.Jurisdiction);
            }

            ValidationResult validation = RequestValidator.Validate(request);
            if (!validation.IsValid)
            {
                return DecisionBuilder.Invalid(request, validation, version, decidedAt);
            }

            if (version is null)
            {
                return DecisionBuilder.Refusal(request, null, decidedAt, NoVersion(request!, unknownVersionId, asOf));
            }

            return DecisionBuilder.Decide(request!, version, decidedAt, _zone);
        }
#pragma warning disable CA1031 // Fail closed: an unexpected failure becomes a deny that names it, never an exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return DecisionBuilder.Refusal(
                request,
                version,
                decidedAt,
                DecisionBuilder.EngineReason(
                    ReasonCodes.EvaluationError,
                    $"The request could not be decided ({ex.GetType().Name}: {ex.Message}); nothing may be disclosed.",
                    new FactValue("error", ex.GetType().Name)));
        }
    }

    private Reason NoVersion(LegalRequest request, string? unknownVersionId, LocalDate? asOf)
    {
        if (unknownVersionId is not null)
        {
            return DecisionBuilder.EngineReason(
                ReasonCodes.UnknownVersion,
                $"The policy {Policy.Id} has no version '{unknownVersionId}'; it has {string.Join(", ", Policy.Versions.Select(v => v.Id))}.",
                new FactValue("version", unknownVersionId));
        }

        LocalDate date = asOf ?? request.ReceivedOn;
        string text = date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        return DecisionBuilder.EngineReason(
            ReasonCodes.NoVersionInForce,
            $"No version of {Policy.Id} is in force on {text} for {request.Jurisdiction.Code}.",
            new FactValue(asOf is null ? "received on" : "as of", text));
    }
}
