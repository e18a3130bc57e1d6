namespace DisclosurePolicy.Reporting;

/// <summary>What recording a decision did.</summary>
public enum RecordOutcome
{
    /// <summary>Not an outcome; never returned.</summary>
    Unspecified = 0,

    /// <summary>The record was new and has been stored.</summary>
    Recorded,

    /// <summary>The same decision was already stored under the request id; nothing changed.</summary>
    AlreadyRecorded,
}
