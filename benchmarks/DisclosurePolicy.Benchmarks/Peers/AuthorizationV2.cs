using System.Security.Claims;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>
/// Clause 8.3 V2 as an ASP.NET Core authorization policy: one <see cref="V2ClauseRequirement"/> per clause, checked by
/// <see cref="V2ClauseHandler"/>, evaluated by the default <see cref="IAuthorizationService"/> once per account and data item.
/// </summary>
/// <remarks>
/// <para>The policy succeeds when the item is permitted. Otherwise its failed requirements name the clauses that refused the
/// item, and their effects combine as the library's do (deny overrides, then not applicable, then pending).</para>
/// </remarks>
public sealed class AuthorizationV2 : IDisposable
{
    /// <summary>The policy's name.</summary>
    public const string PolicyName = "disclosure-v2";

    private static readonly ClaimsPrincipal Host = new(new ClaimsIdentity("host"));

    private readonly ServiceProvider _services;
    private readonly IAuthorizationService _authorization;

    /// <summary>Initializes a new instance of the <see cref="AuthorizationV2"/> class.</summary>
    public AuthorizationV2()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(options => options.AddPolicy(PolicyName, policy => policy.AddRequirements([.. Clauses()])));
        services.AddSingleton<IAuthorizationHandler, V2ClauseHandler>();
        _services = services.BuildServiceProvider();
        _authorization = _services.GetRequiredService<IAuthorizationService>();
    }

    /// <summary>The clauses of V2, in order, as requirements.</summary>
    /// <returns>One requirement per clause.</returns>
    public static IEnumerable<V2ClauseRequirement> Clauses()
    {
        yield return new("8.3-2024/preservation", ClauseEffectKind.NotApplicable, i => i.PreservationOnly);
        yield return new(
            "8.3-2024/emergency",
            ClauseEffectKind.Deny,
            i => i.EmergencyClaim && !(JudicialOrder(i) && i.IssuerIsRelevant && ValidOrder(i)));
        yield return new(
            "8.3-2024/recipient",
            ClauseEffectKind.Deny,
            i => i.Recipient is not (RecipientKind.LawEnforcementAuthority or RecipientKind.JudicialAuthority or RecipientKind.OtherPublicAuthority));
        yield return new("8.3-2024/data", ClauseEffectKind.Deny, i => !Disclosable(i));
        yield return new("8.3-2024/judicial-authority", ClauseEffectKind.Deny, i => !JudicialOrder(i));
        yield return new("8.3-2024/relevant", ClauseEffectKind.Deny, i => !i.IssuerIsRelevant);
        yield return new("8.3-2024/valid", ClauseEffectKind.Deny, i => !ValidOrder(i));
        yield return new("8.3-2024/criminal", ClauseEffectKind.Deny, i => i.Proceeding != ProceedingKind.Criminal);
        yield return new("8.3-2024/suspect", ClauseEffectKind.Deny, i => i.Status is not (SubjectStatus.Suspect or SubjectStatus.Accused));
        yield return new("8.3-2024/terms-of-service", ClauseEffectKind.Deny, i => !i.Offences.Any(ViolatesTermsOfService));
        yield return new("8.3-2024/analysis-failed", ClauseEffectKind.Deny, i => i.Analysis == LegalAnalysisOutcome.Failed);
        yield return new("8.3-2024/analysis-pending", ClauseEffectKind.Pending, i => i.Analysis == LegalAnalysisOutcome.NotPerformed);
        yield return new("8.3-2024/disclose", ClauseEffectKind.Permit, Disclosable);
    }

    /// <summary>Decides a request under V2.</summary>
    /// <param name="request">A valid request.</param>
    /// <returns>The outcome.</returns>
    public async Task<DecisionOutcome> DecideAsync(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tally = default(VerdictTally);
        foreach (Subject subject in request.Subjects)
        {
            foreach (DataCategory category in request.RequestedData)
            {
                AuthorizationResult result = await _authorization.AuthorizeAsync(Host, new V2Item(request, subject, category), PolicyName).ConfigureAwait(false);
                tally.Add(Verdict(result));
            }
        }

        return tally.Outcome();
    }

    /// <summary>Authorizes one item, with the result that explains it.</summary>
    /// <param name="item">The item's facts.</param>
    /// <returns>The authorization result; its failure lists the clauses that refused the item.</returns>
    public Task<AuthorizationResult> ExplainAsync(V2Item item) => _authorization.AuthorizeAsync(Host, item, PolicyName);

    /// <summary>Combines the effects of the clauses whose requirements failed.</summary>
    /// <param name="result">The authorization result of one item.</param>
    /// <returns>The item's verdict.</returns>
    public static ItemVerdict Verdict(AuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            return ItemVerdict.Permitted;
        }

        bool notApplicable = false, pending = false, deny = false;
        foreach (IAuthorizationRequirement failed in result.Failure?.FailedRequirements ?? [])
        {
            switch ((failed as V2ClauseRequirement)?.Effect)
            {
                case ClauseEffectKind.NotApplicable:
                    notApplicable = true;
                    break;
                case ClauseEffectKind.Pending:
                    pending = true;
                    break;
                case ClauseEffectKind.Permit:
                    break;
                default:
                    deny = true;
                    break;
            }
        }

        // Scope before merits: V2's only not-applicable clause (preservation) comes first, so it outranks every deny.
        return notApplicable ? ItemVerdict.NotApplicable : deny ? ItemVerdict.Denied : pending ? ItemVerdict.Pending : ItemVerdict.Denied;
    }

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();

    private static bool JudicialOrder(V2Item i) =>
        i.Authority is IssuingAuthorityKind.Court or IssuingAuthorityKind.Judge or IssuingAuthorityKind.InvestigatingJudge
        && i.Instrument is InstrumentKind.CourtOrder or InstrumentKind.SearchWarrant or InstrumentKind.CourtProductionOrder
            or InstrumentKind.EuropeanProductionOrder or InstrumentKind.EuropeanPreservationOrder or InstrumentKind.CivilCourtOrder;

    private static bool ValidOrder(V2Item i) => i.OrderIsValid && i.Verification == OriginVerification.VerifiedOutOfBand;

    private static bool Disclosable(V2Item i) => i.Category is DataCategory.IpAddress or DataCategory.PhoneNumber;

    private static bool ViolatesTermsOfService(OffenceCategory offence) =>
        offence is OffenceCategory.Terrorism or OffenceCategory.ChildSexualAbuse or OffenceCategory.DrugTrafficking
            or OffenceCategory.FirearmsTrafficking or OffenceCategory.ForgedDocuments or OffenceCategory.OtherIllegalGoodsOrServices
            or OffenceCategory.MoneyLaundering or OffenceCategory.AttacksOnInformationSystems
            or OffenceCategory.FraudOrScam or OffenceCategory.Spam or OffenceCategory.PublicIncitementToViolence or OffenceCategory.PublicIllegalPornography;
}
