using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>A disclosure policy: the versions of one rule over time, and how the version in force is chosen.</summary>
/// <remarks>
/// <para>The version is chosen by the date the request was received. Where a localized variant for the request's country
/// is in force, it takes precedence over the version for everyone.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class Policy
{
    private readonly RuleVersion[] _versions;

    // Each version's interval as ISO date keys, for selecting without comparing LocalDate values; null when a version's
    // dates are in another calendar (then selection compares the dates themselves).
    private readonly Interval[]? _intervals;

    /// <summary>Initializes a new instance of the <see cref="Policy"/> class, validating the whole definition.</summary>
    /// <param name="id">The policy's identifier.</param>
    /// <param name="title">A short human title.</param>
    /// <param name="versions">The versions, in any order.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="RuleDefinitionException">The definition is invalid; every problem is listed.</exception>
    public Policy(string id, string title, IEnumerable<RuleVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(versions);
        RuleVersion[] copy = [.. versions];
        ValidationResult result = Validate(id, title, copy);
        if (!result.IsValid)
        {
            throw new RuleDefinitionException(result);
        }

        _versions = [.. copy.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Jurisdictions.Count)];
        _intervals = _versions.All(v => v.EffectiveFrom.Calendar == CalendarSystem.Iso && (v.EffectiveUntil is null || v.EffectiveUntil.Value.Calendar == CalendarSystem.Iso))
            ? [.. _versions.Select(v => new Interval(Key(v.EffectiveFrom), v.EffectiveUntil is LocalDate until ? Key(until) : int.MaxValue, v.Jurisdictions.Count > 0))]
            : null;
        Id = id;
        Title = title;
        Versions = Array.AsReadOnly(_versions);
    }

    /// <summary>Gets the policy's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets a short human title.</summary>
    public string Title { get; }

    /// <summary>Gets the versions, by effective date.</summary>
    public IReadOnlyList<RuleVersion> Versions { get; }

    /// <summary>Validates a policy definition without building it.</summary>
    /// <param name="id">The policy's identifier.</param>
    /// <param name="title">A short human title.</param>
    /// <param name="versions">The versions.</param>
    /// <returns>Every problem found, each with its path.</returns>
    public static ValidationResult Validate(string? id, string? title, IEnumerable<RuleVersion?>? versions) =>
        RuleValidator.Validate(id, title, versions);

    /// <summary>Returns the version for everyone in force on a date.</summary>
    /// <param name="date">The date the request was received.</param>
    /// <returns>The version, or <see langword="null"/> when none is in force.</returns>
    public RuleVersion? VersionInForceOn(LocalDate date) => Select(date, null);

    /// <summary>Returns the version in force on a date for requests from a country: a localized variant first, else the version for everyone.</summary>
    /// <param name="date">The date the request was received.</param>
    /// <param name="jurisdiction">The issuing jurisdiction.</param>
    /// <returns>The version, or <see langword="null"/> when none is in force.</returns>
    public RuleVersion? VersionInForceOn(LocalDate date, Jurisdiction jurisdiction) => Select(date, jurisdiction.Code);

    /// <summary>Returns the version with an id, compared without regard to case.</summary>
    /// <param name="versionId">The id.</param>
    /// <returns>The version, or <see langword="null"/> when there is none.</returns>
    public RuleVersion? FindVersion(string? versionId)
    {
        if (versionId is null)
        {
            return null;
        }

        foreach (RuleVersion version in _versions)
        {
            if (string.Equals(version.Id, versionId.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>Returns the policy's id and its versions.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Id}: {string.Join("; ", _versions.Select(v => v.ToString()))}";

    // An ISO date as an integer that orders as the dates do.
    private static int Key(LocalDate date) => (date.Year * 512) + (date.Month * 32) + date.Day;

    private RuleVersion? Select(LocalDate date, string? jurisdiction)
    {
        Interval[]? intervals = _intervals;
        if (intervals is not null && date.Calendar == CalendarSystem.Iso)
        {
            // The same walk as below, on the precomputed keys.
            int key = Key(date);
            int found = -1;
            for (int i = 0; i < intervals.Length; i++)
            {
                Interval interval = intervals[i];
                if (key < interval.From || key > interval.Until)
                {
                    continue;
                }

                if (!interval.Localized)
                {
                    found = found < 0 ? i : found;
                }
                else if (jurisdiction is not null && _versions[i].AppliesTo(jurisdiction))
                {
                    return _versions[i];
                }
            }

            return found < 0 ? null : _versions[found];
        }

        RuleVersion? general = null;
        foreach (RuleVersion version in _versions)
        {
            if (!version.IsInForceOn(date))
            {
                continue;
            }

            if (version.Jurisdictions.Count == 0)
            {
                general ??= version;
            }
            else if (jurisdiction is not null && version.AppliesTo(jurisdiction))
            {
                return version;
            }
        }

        return general;
    }

    // A version's first and last day as keys (Until is int.MaxValue when open-ended), and whether it is a localized variant.
    private readonly record struct Interval(int From, int Until, bool Localized);
}
