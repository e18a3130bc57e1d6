using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Serialization;

/// <summary>The outcome of reading one decision record from JSON: the record when it could be read, and every problem found.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class DecisionRecordReadResult
{
    internal DecisionRecordReadResult(DecisionRecord? record, ValidationResult problems)
    {
        Record = record;
        Problems = problems;
    }

    /// <summary>Gets the record, or <see langword="null"/> when it could not be read.</summary>
    public DecisionRecord? Record { get; }

    /// <summary>Gets every problem found, each with its path; valid when there are none.</summary>
    public ValidationResult Problems { get; }

    /// <summary>Gets a value indicating whether the record was read without problems.</summary>
    public bool IsValid => Record is not null && Problems.IsValid;
}
