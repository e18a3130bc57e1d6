namespace DisclosurePolicy.Rules;

/// <summary>How often a rule version promises a transparency report.</summary>
public enum ReportingCadence
{
    /// <summary>No report is promised.</summary>
    None = 0,

    /// <summary>Twice a year: January to June and July to December.</summary>
    SemiAnnual,

    /// <summary>Every calendar quarter.</summary>
    Quarterly,
}
