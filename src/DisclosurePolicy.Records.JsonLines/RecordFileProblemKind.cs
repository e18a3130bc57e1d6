namespace DisclosurePolicy.Records.JsonLines;

/// <summary>What is wrong with a line of a record file.</summary>
public enum RecordFileProblemKind
{
    /// <summary>Not a problem kind; never reported.</summary>
    Unspecified = 0,

    /// <summary>The last line has no line end and is not a readable record, as a crash during an append leaves it. Its bytes
    /// are moved to the side file and cut from the record file on the next append; every earlier record is kept.</summary>
    TornLastLine,

    /// <summary>The last line holds a complete record but no line end (the crash came just before it). The record is kept and
    /// the line end is written before the next append.</summary>
    MissingLineEnd,

    /// <summary>A complete line (one with its line end), last or not, is not a readable record, for example a record of a
    /// newer schema. It is left in place (it is not the trace of an interrupted append, so nothing is cut) and skipped; the
    /// records around it are kept.</summary>
    UnreadableLine,

    /// <summary>A line repeats the decision of an earlier line under the same request id; it is skipped.</summary>
    DuplicateRecord,

    /// <summary>A line holds a different decision under a request id an earlier line already holds; the earlier record stands.</summary>
    ConflictingRecord,
}
