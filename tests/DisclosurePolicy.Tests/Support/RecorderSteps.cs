using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Waits for a recorder's answer, so that tests of one store's file handling read as a plain sequence of steps;
/// the contract suite (<c>DecisionRecorderContractTests</c>) exercises the asynchronous contract itself.</summary>
public static class RecorderSteps
{
    public static RecordOutcome Record(this IDecisionRecorder recorder, DecisionRecord record) => Wait(recorder.RecordAsync(record));

    public static RecordOutcome Append(this IDecisionRecorder recorder, RequestEvent requestEvent) => Wait(recorder.AppendAsync(requestEvent));

    public static long Count(this IDecisionRecorder recorder) => Wait(recorder.CountAsync());

    public static DecisionRecord? Find(this IDecisionRecorder recorder, string requestId) => Wait(recorder.FindAsync(requestId));

    public static RequestHistory? FindHistory(this IDecisionRecorder recorder, string requestId) => Wait(recorder.FindHistoryAsync(requestId));

    public static List<RequestHistory> Histories(this IDecisionRecorder recorder) => Wait(recorder.ReadHistoriesAsync(RecordQuery.All).ToListAsync());

    public static List<DecisionRecord> Records(this IDecisionRecorder recorder) => [.. recorder.Histories().Select(h => h.Decision)];

    public static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
