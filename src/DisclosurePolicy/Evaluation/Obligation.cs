namespace DisclosurePolicy.Evaluation;

/// <summary>A duty a decision places on the host, with the clause it comes from.</summary>
/// <remarks><para>Immutable and safe to share across threads. Equality compares every member.</para></remarks>
public sealed record Obligation
{
    /// <summary>Initializes a new instance of the <see cref="Obligation"/> class.</summary>
    /// <param name="kind">The kind of duty.</param>
    /// <param name="description">The duty in words.</param>
    /// <param name="citation">The clause the duty comes from.</param>
    /// <param name="reportEntry">For <see cref="ObligationKind.RecordInTransparencyReport"/>, what to record; otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> or <paramref name="citation"/> is <see langword="null"/>.</exception>
    public Obligation(ObligationKind kind, string description, string citation, TransparencyReportEntry? reportEntry)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(citation);
        Kind = kind;
        Description = description;
        Citation = citation;
        ReportEntry = reportEntry;
    }

    /// <summary>Gets the kind of duty.</summary>
    public ObligationKind Kind { get; }

    /// <summary>Gets the duty in words.</summary>
    public string Description { get; }

    /// <summary>Gets the clause the duty comes from.</summary>
    public string Citation { get; }

    /// <summary>Gets what to record, for a transparency-report obligation; otherwise <see langword="null"/>.</summary>
    public TransparencyReportEntry? ReportEntry { get; }

    /// <summary>Returns the duty in words.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;
}
