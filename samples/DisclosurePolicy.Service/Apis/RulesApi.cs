using System.Collections.Concurrent;
using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Service.Errors;
using DisclosurePolicy.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace DisclosurePolicy.Service.Apis;

/// <summary><c>/rules</c>: the rule versions in force and the exact comparison of two of them.</summary>
internal static class RulesApi
{
    // Comparisons are pure functions of two versions' contents; caching by content hash makes a repeated one free and
    // keeps a reload from serving a stale answer (new contents, new hashes).
    private static readonly ConcurrentDictionary<(string Left, string Right, string Format), string> Comparisons = new();

    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder group)
    {
        group.WithTags("Rules");
        group.MapGet("/versions", Versions)
            .RequireAuthorization(Roles.AnyRole)
            .WithName("ListRuleVersions")
            .WithSummary("The rule versions the engine decides under now, with their periods and content hashes.");
        group.MapGet("/comparison", Compare)
            .RequireAuthorization(Roles.Auditor)
            .WithName("CompareRuleVersions")
            .WithSummary("Every region of requests two versions decide differently (exact, not sampled), as JSON or Markdown.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown");
        return group;
    }

    private static Ok<RuleVersionList> Versions(DisclosureEngine engine)
    {
        Policy policy = engine.Policy;
        LocalDate today = engine.Today;
        return TypedResults.Ok(new RuleVersionList(
            policy.Id,
            policy.Title,
            engine.Zone.Id,
            LocalDatePattern.Iso.Format(today),
            [.. policy.Versions.Select(v => new RuleVersionSummary(
                v.Id,
                v.Title,
                LocalDatePattern.Iso.Format(v.EffectiveFrom),
                v.EffectiveUntil is LocalDate until ? LocalDatePattern.Iso.Format(until) : null,
                v.Citation,
                v.Cadence.ToString(),
                v.ContentHash,
                v.Jurisdictions,
                v.IsInForceOn(today)))]));
    }

    private static Results<ContentHttpResult, HttpValidationProblem> Compare(DisclosureEngine engine, string? left, string? right, string? format)
    {
        Policy policy = engine.Policy;
        var problems = new List<ValidationProblem>();
        RuleVersion? a = Version(policy, "left", left, problems);
        RuleVersion? b = Version(policy, "right", right, problems);
        string chosen = format ?? "json";
        if (chosen is not ("json" or "markdown"))
        {
            problems.Add(new("format", format, "not a format; accepted: json, markdown"));
        }

        if (problems.Count > 0 || a is null || b is null)
        {
            return Problems.Invalid(problems);
        }

        try
        {
            string text = Comparisons.GetOrAdd((a.ContentHash, b.ContentHash, chosen), _ =>
            {
                VersionDifference difference = VersionComparer.Compare(a, b);
                return chosen == "json" ? difference.ToJson() : difference.ToMarkdown();
            });
            return TypedResults.Content(text, chosen == "json" ? "application/json" : "text/markdown; charset=utf-8");
        }
        catch (ComparisonBudgetExceededException ex)
        {
            return Problems.Invalid("right", right, ex.Message);
        }
    }

    private static RuleVersion? Version(Policy policy, string parameter, string? id, List<ValidationProblem> problems)
    {
        RuleVersion? version = string.IsNullOrWhiteSpace(id) ? null : policy.FindVersion(id.Trim());
        if (version is null)
        {
            problems.Add(new(
                parameter,
                id,
                $"{(string.IsNullOrWhiteSpace(id) ? "a version id is required" : "no such version")}; the policy {policy.Id} has {string.Join(", ", policy.Versions.Select(v => v.Id))}"));
        }

        return version;
    }
}
