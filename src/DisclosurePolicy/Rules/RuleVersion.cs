using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// One version of a disclosure rule: its effective dates, its source wording, its Terms-of-Service catalogue, its
/// reporting cadence and its ordered clauses.
/// </summary>
/// <remarks>
/// <para>The version is in force from <see cref="EffectiveFrom"/> to <see cref="EffectiveUntil"/>, both inclusive; an open
/// end is <see langword="null"/>. A version with <see cref="Jurisdictions"/> is a localized variant that applies only to
/// requests from those countries and takes precedence there over a version for everyone.</para>
/// <para>The constructor checks only for <see langword="null"/>; <see cref="Policy"/> validates the whole definition and
/// reports every problem at once.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RuleVersion
{
    private readonly Clause[] _clauses;
    private string? _contentHash;

    /// <summary>Initializes a new instance of the <see cref="RuleVersion"/> class.</summary>
    /// <param name="id">The version's identifier, unique within its policy, such as <c>V2</c>.</param>
    /// <param name="title">A short human title.</param>
    /// <param name="effectiveFrom">The first day the version is in force.</param>
    /// <param name="effectiveUntil">The last day it is in force (inclusive), or <see langword="null"/> while it still is.</param>
    /// <param name="citation">Where the version's text comes from, such as <c>Privacy Policy 8.3 (2024-09-23)</c>.</param>
    /// <param name="wording">The version's full source wording.</param>
    /// <param name="cadence">How often disclosures are reported.</param>
    /// <param name="termsOfService">The Terms-of-Service catalogue its clauses refer to.</param>
    /// <param name="clauses">The clauses, in the order their reasons are reported.</param>
    /// <param name="jurisdictions">The countries a localized variant applies to; <see langword="null"/> or empty for everyone.</param>
    /// <exception cref="ArgumentNullException">A required argument or a clause is <see langword="null"/>.</exception>
    internal RuleVersion(
        string id,
        string title,
        LocalDate effectiveFrom,
        LocalDate? effectiveUntil,
        string citation,
        string wording,
        ReportingCadence cadence,
        TosCatalogue termsOfService,
        IEnumerable<Clause> clauses,
        IEnumerable<string>? jurisdictions)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(termsOfService);
        ArgumentNullException.ThrowIfNull(clauses);
        _clauses = [.. clauses];
        foreach (Clause clause in _clauses)
        {
            ArgumentNullException.ThrowIfNull(clause, nameof(clauses));
        }

        AllClauseIndexes = [.. Enumerable.Range(0, _clauses.Length)];
        OrderClauseIndexes = [.. Enumerable.Range(0, _clauses.Length).Where(i => _clauses[i].Level == FactLevel.Order)];
        SubjectClauseIndexes = [.. Enumerable.Range(0, _clauses.Length).Where(i => _clauses[i].Level == FactLevel.Subject)];
        ItemClauseIndexes = [.. Enumerable.Range(0, _clauses.Length).Where(i => _clauses[i].Level == FactLevel.DataItem)];
        FirstScopeBelowOrder = FirstScope(_clauses, FactLevel.Subject);
        FirstScopeAtItems = FirstScope(_clauses, FactLevel.DataItem);

        Id = id;
        Title = title;
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
        Citation = citation;
        Wording = wording;
        Cadence = cadence;
        TermsOfService = termsOfService;
        Clauses = Array.AsReadOnly(_clauses);
        Jurisdictions = Array.AsReadOnly(
            (jurisdictions ?? []).Select(c => c?.Trim().ToUpperInvariant() ?? string.Empty).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Gets the version's identifier, unique within its policy.</summary>
    public string Id { get; }

    /// <summary>Gets a short human title.</summary>
    public string Title { get; }

    /// <summary>Gets the first day the version is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last day the version is in force (inclusive), or <see langword="null"/> while it still is.</summary>
    public LocalDate? EffectiveUntil { get; }

    /// <summary>Gets where the version's text comes from.</summary>
    public string Citation { get; }

    /// <summary>Gets the version's full source wording.</summary>
    public string Wording { get; }

    /// <summary>Gets how often disclosures under this version are reported.</summary>
    public ReportingCadence Cadence { get; }

    /// <summary>Gets the Terms-of-Service catalogue the version's clauses refer to.</summary>
    public TosCatalogue TermsOfService { get; }

    /// <summary>Gets the clauses, in the order their reasons are reported.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Gets the countries a localized variant applies to; empty when the version applies to everyone.</summary>
    public IReadOnlyList<string> Jurisdictions { get; }

    /// <summary>Gets the content hash of the whole definition (<see cref="RuleVersionHash.Compute"/>), computed on first use.</summary>
    /// <value><c>sha256:</c> followed by 64 lower-case hex digits.</value>
    /// <remarks><para>Every read returns the same string instance, even when several threads make the first read at once.</para></remarks>
    public string ContentHash => Volatile.Read(ref _contentHash) ?? PublishContentHash();

    internal Clause[] ClauseArray => _clauses;

    /// <summary>Every position in <see cref="ClauseArray"/>, in order.</summary>
    internal int[] AllClauseIndexes { get; }

    /// <summary>The positions in <see cref="ClauseArray"/> of the clauses that look only at order facts: they fire alike
    /// for every account and item.</summary>
    internal int[] OrderClauseIndexes { get; }

    /// <summary>The positions in <see cref="ClauseArray"/> of the account clauses.</summary>
    internal int[] SubjectClauseIndexes { get; }

    /// <summary>The positions in <see cref="ClauseArray"/> of the item clauses (every permit is one).</summary>
    internal int[] ItemClauseIndexes { get; }

    /// <summary>The position of the first not-applicable clause among the account and item clauses (<see cref="int.MaxValue"/>
    /// when there is none): a deny of the order clauses before it decides every item, whatever those levels find.</summary>
    internal int FirstScopeBelowOrder { get; }

    /// <summary>The position of the first not-applicable clause among the item clauses, likewise for a deny of an account.</summary>
    internal int FirstScopeAtItems { get; }

    /// <summary>Returns whether the version is in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date lies between the effective ends, both included.</returns>
    public bool IsInForceOn(LocalDate date) => date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil.Value);

    /// <summary>Returns whether the version applies to requests from a country.</summary>
    /// <param name="jurisdictionCode">An ISO 3166-1 alpha-2 code.</param>
    /// <returns><see langword="true"/> for a version for everyone, or a localized variant that lists the country.</returns>
    public bool AppliesTo(string jurisdictionCode)
    {
        if (Jurisdictions.Count == 0)
        {
            return true;
        }

        foreach (string code in Jurisdictions)
        {
            if (string.Equals(code, jurisdictionCode, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the date whose Terms-of-Service catalogue a request received on <paramref name="receivedOn"/> is read against.</summary>
    /// <param name="receivedOn">The date the request was received.</param>
    /// <returns>The receipt date, moved into the version's effective period when the version is asked for by name outside it.</returns>
    /// <remarks><para>Asking "what would this version have said" about a request from another period reads the catalogue
    /// as it stood while the version was in force, so the version is judged on its own terms.</para></remarks>
    public LocalDate CatalogueDate(LocalDate receivedOn)
    {
        if (receivedOn < EffectiveFrom)
        {
            return EffectiveFrom;
        }

        return EffectiveUntil is LocalDate until && receivedOn > until ? until : receivedOn;
    }

    /// <summary>Returns the version's id, title and effective period.</summary>
    /// <returns>For example <c>V2 (2024-09-23 onwards): ...</c>.</returns>
    public override string ToString()
    {
        string until = EffectiveUntil is LocalDate u ? IsoDates.Format(u) : string.Empty;
        string from = IsoDates.Format(EffectiveFrom);
        string period = (EffectiveFrom == LocalDate.MinIsoValue, EffectiveUntil is null) switch
        {
            (true, true) => "always",
            (true, false) => $"until {until}",
            (false, true) => $"from {from}",
            _ => $"{from} to {until}",
        };
        return $"{Id} ({period}): {Title}";
    }

    private static int FirstScope(Clause[] clauses, FactLevel from)
    {
        for (int i = 0; i < clauses.Length; i++)
        {
            if (clauses[i].Level >= from && clauses[i].Effect.Kind == ClauseEffectKind.NotApplicable)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    // Threads reading the hash for the first time at once may each compute it; only the first to finish stores its
    // string, and every reader gets that one, so the hash is the same instance however it was first read.
    private string PublishContentHash()
    {
        string hash = RuleVersionHash.Compute(this);
        return Interlocked.CompareExchange(ref _contentHash, hash, null) ?? hash;
    }
}
