using System.Collections.Concurrent;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>
/// The requests a version permits, found exactly rather than by chance: the version is compared with one that permits
/// nothing, and each region where it permits gives its example request. From each, the near misses: every change of one
/// fact (inside the scope) after which exactly one clause stops the permit.
/// </summary>
internal static class PermitSeeds
{
    private static readonly ConcurrentDictionary<(RuleVersion, RequestScope), Lazy<LegalRequest[]>> Permits = new();
    private static readonly ConcurrentDictionary<(RuleVersion, RequestScope), Lazy<NearMiss[]>> Misses = new();

    /// <summary>Single-item requests inside the scope that the version permits, one per region of its permits.</summary>
    public static LegalRequest[] Of(RuleVersion version, RequestScope scope) =>
        Permits.GetOrAdd((version, scope), key => new Lazy<LegalRequest[]>(() => Find(key.Item1, key.Item2))).Value;

    /// <summary>Every near miss of every permit of the version inside the scope.</summary>
    public static NearMiss[] NearMisses(RuleVersion version, RequestScope scope) =>
        Misses.GetOrAdd((version, scope), key => new Lazy<NearMiss[]>(() => FindNearMisses(key.Item1, key.Item2))).Value;

    /// <summary>A version with the same period and catalogue that denies everything: what "permits nothing" is compared with.</summary>
    public static RuleVersion Nothing(RuleVersion version) => new(
        $"{version.Id} (nothing permitted)",
        "Permits nothing",
        version.EffectiveFrom,
        version.EffectiveUntil,
        version.Citation,
        "Nothing may be disclosed.",
        ReportingCadence.None,
        version.TermsOfService,
        [new Clause("nothing/deny", version.Citation, "(nothing)", "Nothing may be disclosed.", Condition.Always, ClauseEffect.Deny("NothingPermitted"))],
        version.Jurisdictions);

    /// <summary>The scope's countries and instruments as a condition, for comparisons over the scope only.</summary>
    public static Condition Where(RequestScope scope) =>
        Condition.All(Condition.JurisdictionIs(scope.Countries), Condition.InstrumentIs(scope.Instruments));

    private static LegalRequest[] Find(RuleVersion version, RequestScope scope)
    {
        VersionDifference difference = VersionComparer.Compare(version, Nothing(version), Where(scope));
        var found = new List<LegalRequest>();
        foreach (DifferenceRegion region in difference.Regions.Where(r => r.LeftOutcome == ItemOutcome.Permitted))
        {
            foreach (LocalDate date in Dates(region.Example.ReceivedOn, version, scope))
            {
                RequestFacts facts = RequestFacts.Of(region.Example) with { Id = $"permit-{found.Count + 1}", ReceivedOn = date };
                LegalRequest request = facts.ToRequest();
                if (scope.Contains(request) && KitEngines.Any.Evaluate(request, version).Outcome == DecisionOutcome.MayDisclose)
                {
                    found.Add(request);
                    break;
                }
            }
        }

        return [.. found];
    }

    // The example's own date when the scope allows it, else the scope's dates nearest to the version's period.
    private static IEnumerable<LocalDate> Dates(LocalDate example, RuleVersion version, RequestScope scope)
    {
        yield return example;
        LocalDate from = version.EffectiveFrom > scope.ReceivedFrom ? version.EffectiveFrom : scope.ReceivedFrom;
        LocalDate to = version.EffectiveUntil is LocalDate until && until < scope.ReceivedTo ? until : scope.ReceivedTo;
        yield return from;
        yield return to;
        yield return scope.ReceivedFrom;
        yield return scope.ReceivedTo;
    }

    private static NearMiss[] FindNearMisses(RuleVersion version, RequestScope scope)
    {
        var misses = new List<NearMiss>();
        foreach (LegalRequest permitted in Of(version, scope))
        {
            foreach ((string change, RequestFacts facts) in FactChanges.Single(RequestFacts.Of(permitted), scope))
            {
                LegalRequest request = facts.ToRequest();
                if (!request.Validate().IsValid || !scope.Contains(request))
                {
                    continue;
                }

                Decision decision = KitEngines.Any.Evaluate(request, version);
                if (decision.IsPermitted || decision.Reasons.Any(r => r.Effect != ClauseEffectKind.Permit && r.ClauseId is null))
                {
                    continue;
                }

                string[] broken = [.. decision.Reasons.Where(r => r.Effect != ClauseEffectKind.Permit).Select(r => r.ClauseId!).Distinct(StringComparer.Ordinal)];
                if (broken.Length == 1)
                {
                    misses.Add(new NearMiss(version.Id, permitted, request, change, broken[0]));
                }
            }
        }

        return [.. misses];
    }
}
