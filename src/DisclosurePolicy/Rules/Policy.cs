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

    /// <summary>Initializes a new instance of the <see cref="Policy"/> class, validating the whole definition unless the compiler already has.</summary>
    /// <param name="id">The policy's identifier.</param>
    /// <param name="title">A short human title.</param>
    /// <param name="versions">The versions, in any order.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="RuleDefinitionException">The definition is invalid; every problem is listed.</exception>
    /// <param name="validated">Whether <see cref="DefinitionCompiler"/> has checked the versions already.</param>
    internal Policy(string id, string title, IEnumerable<RuleVersion> versions, bool validated = false)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(versions);
        RuleVersion[] copy = [.. versions];
        ValidationResult result = validated ? ValidationResult.Valid : RuleValidator.Validate(id, title, copy);
        if (!result.IsValid)
        {
            throw new RuleDefinitionException(result);
        }

        _versions = [.. copy.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Jurisdictions.Count)];
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

    // One walk: the localized variant for the jurisdiction in force that day wins, else the first version for everyone.
    private RuleVersion? Select(LocalDate date, string? jurisdiction)
    {
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
}
