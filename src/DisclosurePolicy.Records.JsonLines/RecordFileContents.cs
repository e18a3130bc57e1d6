using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Records.JsonLines;

/// <summary>What a record file held when it was read: its readable records and the problems found in it.</summary>
/// <remarks><para>Immutable and safe to share across threads. Made by <see cref="JsonLinesDecisionRecorder.ReadAll"/>.</para></remarks>
public sealed class RecordFileContents
{
    internal RecordFileContents(string path, IReadOnlyList<RequestHistory> histories, IEnumerable<RecordFileProblem> problems)
    {
        Path = path;
        Histories = histories;
        Records = histories.Select(h => h.Decision).ToArray().AsReadOnly();
        Problems = problems.ToArray().AsReadOnly();
    }

    /// <summary>Gets the full path of the file that was read.</summary>
    public string Path { get; }

    /// <summary>Gets every readable record, in the order of the file, each request id once (the first record stands).</summary>
    public IReadOnlyList<DecisionRecord> Records { get; }

    /// <summary>Gets every request's history (its decision and the events after it), in the order of the decisions in the file.</summary>
    public IReadOnlyList<RequestHistory> Histories { get; }

    /// <summary>Gets every problem found, by line number, as <see cref="JsonLinesDecisionRecorder.Problems"/> lists them.</summary>
    public IReadOnlyList<RecordFileProblem> Problems { get; }
}
