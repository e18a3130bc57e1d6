namespace DisclosurePolicy.Evaluation;

/// <summary>A duty a decision places on the host.</summary>
public enum ObligationKind
{
    /// <summary>Not an obligation; never returned.</summary>
    Unspecified = 0,

    /// <summary>Perform the legal analysis of the request before anything is disclosed.</summary>
    PerformLegalAnalysis,

    /// <summary>Record the disclosure in the transparency report.</summary>
    RecordInTransparencyReport,
}
