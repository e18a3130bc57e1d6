using System.Diagnostics;
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
/// <para>Every decision is counted and every explained evaluation traced under the names in
/// <see cref="DisclosureTelemetry"/>, at no cost when nobody listens.</para>
/// <para>Safe to share across threads; create one per policy and reuse it. An engine built with a policy keeps it for
/// life. An engine from <c>AddDisclosurePolicy</c> follows reloads of its options: each evaluation reads the current
/// rule set (policy and time zone) once, so it decides wholly under the old rule set or wholly under the new one.</para>
/// </remarks>
public sealed class DisclosureEngine
{
    private readonly RuleSetSource _rules;
    private readonly IClock _clock;
    private readonly DecisionInstruments _instruments;

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
        _rules = new RuleSetSource(new RuleSet(policy, zone));
        _clock = clock;
        _instruments = DecisionInstruments.Shared;
    }

    // For the container: the rule set can be replaced when the options reload.
    internal DisclosureEngine(RuleSetSource rules, IClock clock, DecisionInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(instruments);
        _rules = rules;
        _clock = clock;
        _instruments = instruments;
    }

    /// <summary>Gets the policy whose versions decide (for an engine that follows reloads, the current one).</summary>
    public Policy Policy => _rules.Current.Policy;

    /// <summary>Gets the time zone in which decision dates are taken (for an engine that follows reloads, the current one).</summary>
    public DateTimeZone Zone => _rules.Current.Zone;

    /// <summary>Gets the day of a decision made now: the clock's date in <see cref="Zone"/>.</summary>
    /// <remarks><para>A request received after this day is inconsistent input, denied with
    /// <see cref="ReasonCodes.InsufficientInformation"/> naming <c>receivedOn</c>; <see cref="LegalRequest.Validate(LocalDate)"/>
    /// makes the same check for a host that validates before deciding.</para></remarks>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(_rules.Current.Zone).Date;

    /// <summary>Evaluates a request under the version in force on the date it was received.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The explained decision; never <see langword="null"/>, never thrown.</returns>
    public Decision Evaluate(LegalRequest? request) => Traced(_rules.Current, request, null, null, null);

    /// <summary>Evaluates a request as <see cref="Evaluate(LegalRequest)"/> does and gives the version that decided, both
    /// taken from the one rule set in force when the call began: a reload meanwhile cannot pair the decision with the
    /// version of the same id in the rules loaded after it.</summary>
    internal Decision Evaluate(LegalRequest? request, out RuleVersion? version)
    {
        RuleSet rules = _rules.Current;
        Decision decision = Traced(rules, request, null, null, null);
        version = decision.VersionId is null ? null : rules.Policy.FindVersion(decision.VersionId);
        return decision;
    }

    /// <summary>Evaluates a request under a version named by id ("what would the 2018 rule have said?").</summary>
    /// <param name="request">The request.</param>
    /// <param name="versionId">The version's id, compared without regard to case.</param>
    /// <returns>The explained decision; a deny with <see cref="ReasonCodes.UnknownVersion"/> when there is no such version.</returns>
    public Decision Evaluate(LegalRequest? request, string? versionId)
    {
        RuleSet rules = _rules.Current;
        return Traced(rules, request, rules.Policy.FindVersion(versionId), versionId ?? string.Empty, null);
    }

    /// <summary>Evaluates a request under the version in force on another date than its receipt.</summary>
    /// <param name="request">The request.</param>
    /// <param name="asOf">The date whose version applies.</param>
    /// <returns>The explained decision; a deny with <see cref="ReasonCodes.NoVersionInForce"/> when none is in force then.</returns>
    public Decision Evaluate(LegalRequest? request, LocalDate asOf) => Traced(_rules.Current, request, null, null, asOf);

    /// <summary>Evaluates a request under a given version, which need not belong to <see cref="Policy"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="version">The version.</param>
    /// <returns>The explained decision; a deny with <see cref="ReasonCodes.UnknownVersion"/> when <paramref name="version"/> is <see langword="null"/>.</returns>
    public Decision Evaluate(LegalRequest? request, RuleVersion? version) =>
        Traced(_rules.Current, request, version, version is null ? string.Empty : null, null);

    /// <summary>Decides a request under the version in force when it was received, without building an explanation.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The same outcome <see cref="Evaluate(LegalRequest)"/> gives.</returns>
    /// <remarks><para>The hot path: it allocates nothing.</para></remarks>
    public DecisionOutcome Decide(LegalRequest? request)
    {
        RuleVersion? version = null;
        DecisionOutcome outcome;
        try
        {
            RuleSet rules = _rules.Current;
            if (request is null || !RequestValidator.IsValid(request, _clock.GetCurrentInstant().InZone(rules.Zone).Date))
            {
                outcome = DecisionOutcome.Deny;
            }
            else
            {
                version = rules.Policy.VersionInForceOn(request.ReceivedOn, request.Jurisdiction);
                outcome = version is null ? DecisionOutcome.Deny : DecideItems(request, version);
            }
        }
#pragma warning disable CA1031 // Fail closed: whatever goes wrong while deciding, the answer is a deny, never an exception.
        catch (Exception)
#pragma warning restore CA1031
        {
            outcome = DecisionOutcome.Deny;
        }

        _instruments.Count(version?.Id, outcome);
        return outcome;
    }

    /// <summary>Decides a request under a given version, without building an explanation.</summary>
    /// <param name="request">The request.</param>
    /// <param name="version">The version.</param>
    /// <returns>The same outcome <see cref="Evaluate(LegalRequest, RuleVersion)"/> gives.</returns>
    public DecisionOutcome Decide(LegalRequest? request, RuleVersion? version)
    {
        DecisionOutcome outcome;
        try
        {
            outcome = version is null || request is null || !RequestValidator.IsValid(request, Today) ? DecisionOutcome.Deny : DecideItems(request, version);
        }
#pragma warning disable CA1031 // Fail closed, as above.
        catch (Exception)
#pragma warning restore CA1031
        {
            outcome = DecisionOutcome.Deny;
        }

        _instruments.Count(version?.Id, outcome);
        return outcome;
    }

    // Clauses are taken level by level: order clauses once, account clauses once per account, item clauses once per item,
    // each level adding to the effects fired above it. The outcome is the one per-item evaluation of every clause gives,
    // because a clause looks only at facts of its level and above.
    private static DecisionOutcome DecideItems(LegalRequest request, RuleVersion version)
    {
        Clause[] clauses = version.ClauseArray;
        Subject[] subjects = request.SubjectArray;
        DataCategory[] categories = request.RequestedDataArray;
        FactVector facts = FactReader.ForOrder(request);
        FiredEffects order = ItemEvaluator.Fire(clauses, version.OrderClauseIndexes, in facts, FiredEffects.None, []);
        if (order.DeniedForGood(version.FirstScopeBelowOrder))
        {
            // Every item is denied (a valid request has at least one account and one category).
            return DecisionOutcome.Deny;
        }

        TosCatalogue catalogue = version.TermsOfService;
        ulong itemsInForce = catalogue.InForceMask(version.CatalogueDate(request.ReceivedOn));
        var tally = default(OutcomeTally);
        for (int s = 0; s < subjects.Length; s++)
        {
            FactReader.SetSubject(ref facts, subjects[s], catalogue, itemsInForce);
            FiredEffects subject = ItemEvaluator.Fire(clauses, version.SubjectClauseIndexes, in facts, order, []);
            bool denied = subject.DeniedForGood(version.FirstScopeAtItems);
            for (int c = 0; c < categories.Length; c++)
            {
                if (denied)
                {
                    tally.Add(ItemOutcome.Denied);
                    continue;
                }

                FactReader.SetCategory(ref facts, categories[c]);
                tally.Add(ItemEvaluator.Fire(clauses, version.ItemClauseIndexes, in facts, subject, []).Resolve());
            }
        }

        return tally.Combine();
    }

    private static Reason NoVersion(Policy policy, LegalRequest request, string? unknownVersionId, LocalDate? asOf)
    {
        if (unknownVersionId is not null)
        {
            return DecisionBuilder.EngineReason(
                ReasonCodes.UnknownVersion,
                $"The policy {policy.Id} has no version '{unknownVersionId}'; it has {string.Join(", ", policy.Versions.Select(v => v.Id))}.",
                new FactValue("version", unknownVersionId));
        }

        LocalDate date = asOf ?? request.ReceivedOn;
        string text = IsoDates.Format(date);
        return DecisionBuilder.EngineReason(
            ReasonCodes.NoVersionInForce,
            $"No version of {policy.Id} is in force on {text} for {request.Jurisdiction.Code}.",
            new FactValue(asOf is null ? "received on" : "as of", text));
    }

    private Decision Traced(RuleSet rules, LegalRequest? request, RuleVersion? named, string? unknownVersionId, LocalDate? asOf)
    {
        Activity? activity = DecisionInstruments.StartEvaluation();
        Decision decision = Run(rules, request, named, unknownVersionId, asOf);
        _instruments.Count(decision.VersionId, decision.Outcome);
        DecisionInstruments.StopEvaluation(activity, decision);
        return decision;
    }

    // 'unknownVersionId' is non-null when the caller named a version that could not be found.
    private Decision Run(RuleSet rules, LegalRequest? request, RuleVersion? named, string? unknownVersionId, LocalDate? asOf)
    {
        Instant decidedAt = default;
        RuleVersion? version = named;
        try
        {
            decidedAt = _clock.GetCurrentInstant();
            if (version is null && unknownVersionId is null && request is not null && (asOf is not null || request.ReceivedOn != default))
            {
                version = rules.Policy.VersionInForceOn(asOf ?? request.ReceivedOn, request.Jurisdiction);
            }

            // The allocation-free check first; the full walk that names every problem only for a request that fails it.
            LocalDate decidedOn = decidedAt.InZone(rules.Zone).Date;
            if (!RequestValidator.IsValid(request, decidedOn))
            {
                return DecisionBuilder.Invalid(request, RequestValidator.Validate(request, decidedOn), version, decidedAt);
            }

            if (version is null)
            {
                return DecisionBuilder.Refusal(request, null, decidedAt, NoVersion(rules.Policy, request!, unknownVersionId, asOf));
            }

            return DecisionBuilder.Decide(request!, version, decidedAt, rules);
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
}
