using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Cli;

/// <summary>Which version decides: the one in force when each request was received (the default), one named with
/// <c>--version</c>, or the one in force on the date given with <c>--as-of</c>.</summary>
internal sealed class VersionChoice
{
    private readonly RuleVersion? _version;
    private readonly LocalDate? _asOf;

    private VersionChoice(RuleVersion? version, LocalDate? asOf)
    {
        _version = version;
        _asOf = asOf;
    }

    /// <summary>Checks the options against the policy; logs each problem and returns <see langword="null"/> when there is one.</summary>
    public static VersionChoice? Parse(string? versionId, string? asOf, Policy policy, ProblemLog problems)
    {
        int before = problems.Count;
        if (versionId is not null && asOf is not null)
        {
            problems.Add("--version, --as-of", "give one or the other: a version by id, or the date whose version applies");
        }

        RuleVersion? version = null;
        if (versionId is not null)
        {
            version = policy.FindVersion(versionId);
            if (version is null)
            {
                problems.Add("--version", $"'{versionId}' is not a version of {policy.Id}; known: {KnownVersions(policy)}");
            }
        }

        LocalDate? date = null;
        if (asOf is not null)
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(asOf);
            if (parsed.Success)
            {
                date = parsed.Value;
            }
            else
            {
                problems.Add("--as-of", $"'{asOf}' is not a calendar date; expected yyyy-MM-dd, such as 2020-06-15");
            }
        }

        return problems.Count > before ? null : new VersionChoice(version, date);
    }

    /// <summary>Lists the ids of a policy's versions, in order.</summary>
    public static string KnownVersions(Policy policy) => string.Join(", ", policy.Versions.Select(v => v.Id));

    /// <summary>Evaluates a request under the chosen version.</summary>
    public Decision Evaluate(DisclosureEngine engine, LegalRequest request) =>
        _version is not null ? engine.Evaluate(request, _version)
        : _asOf is LocalDate date ? engine.Evaluate(request, date)
        : engine.Evaluate(request);
}
