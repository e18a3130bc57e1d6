namespace DisclosurePolicy.Service;

/// <summary>Every log line the service writes, source-generated. None takes an account reference, a request body or a
/// library message that could quote one: request ids, outcomes, versions, kinds and counts only. A request id and a
/// version id come from the client, so they are logged through <see cref="PrintableText.Escape"/>: a line break or an ANSI
/// escape in one cannot forge a log line or steer the terminal of whoever reads the log.</summary>
internal static partial class Log
{
    public static void Recorded(ILogger logger, string requestId, string outcome, string version) =>
        RecordedLine(logger, PrintableText.Escape(requestId), outcome, PrintableText.Escape(version));

    public static void AlreadyRecorded(ILogger logger, string requestId) => AlreadyRecordedLine(logger, PrintableText.Escape(requestId));

    public static void RecordConflict(ILogger logger, string requestId, string differences) =>
        RecordConflictLine(logger, PrintableText.Escape(requestId), differences);

    public static void EventRecorded(ILogger logger, string requestId, string kind) => EventRecordedLine(logger, PrintableText.Escape(requestId), kind);

    public static void EventRefused(ILogger logger, string requestId, string kind, int count) =>
        EventRefusedLine(logger, PrintableText.Escape(requestId), kind, count);

    [LoggerMessage(1, LogLevel.Information, "Recorded request {RequestId}: {Outcome} under {Version}")]
    private static partial void RecordedLine(ILogger logger, string requestId, string outcome, string version);

    [LoggerMessage(2, LogLevel.Information, "Request {RequestId} was already recorded with the same decision")]
    private static partial void AlreadyRecordedLine(ILogger logger, string requestId);

    [LoggerMessage(3, LogLevel.Warning, "Request {RequestId} refused: a different decision is recorded (differs in {Differences})")]
    private static partial void RecordConflictLine(ILogger logger, string requestId, string differences);

    [LoggerMessage(4, LogLevel.Information, "Request {RequestId}: {Kind} recorded")]
    private static partial void EventRecordedLine(ILogger logger, string requestId, string kind);

    [LoggerMessage(5, LogLevel.Warning, "Request {RequestId}: {Kind} refused with {Count} conflict(s)")]
    private static partial void EventRefusedLine(ILogger logger, string requestId, string kind, int count);

    [LoggerMessage(7, LogLevel.Error, "Rules reload refused, the last valid rules stay in force; {Count} problem(s): {Problems}")]
    public static partial void RulesReloadRefused(ILogger logger, int count, string problems);

    [LoggerMessage(8, LogLevel.Error, "Unexpected failure, trace id {TraceId}: {ExceptionType}{NewLine}{StackTrace}")]
    private static partial void UnexpectedFailure(ILogger logger, string traceId, string exceptionType, string newLine, string stackTrace);

    public static void UnexpectedFailure(ILogger logger, string traceId, string exceptionType, string stackTrace) =>
        UnexpectedFailure(logger, traceId, exceptionType, Environment.NewLine, stackTrace);

    [LoggerMessage(9, LogLevel.Warning, "Request body refused: over the limit of {Limit} bytes")]
    public static partial void BodyTooLarge(ILogger logger, long limit);

    [LoggerMessage(10, LogLevel.Warning, "A batch of {Count} write(s) failed as a whole ({ExceptionType}); writing them one by one")]
    public static partial void BatchFellBack(ILogger logger, int count, string exceptionType);
}
