using DisclosurePolicy.Reporting;
using NodaTime;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>The in-memory store, counting the calls that write and able to slow or fail the bulk import.</summary>
internal sealed class ObservedRecorder : IDecisionRecorder
{
    private readonly InMemoryDecisionRecorder _inner = new();
    private int _imports;
    private int _appends;

    public int Imports => _imports;

    public int Appends => _appends;

    /// <summary>Gets or sets how long each import waits before storing, so that writes queue up behind it.</summary>
    public TimeSpan ImportDelay { get; set; }

    /// <summary>Gets or sets a value indicating whether imports fail without storing anything.</summary>
    public bool FailImports { get; set; }

    public ValueTask<RecordOutcome> RecordAsync(DecisionRecord record, CancellationToken cancellationToken = default) => AppendAsync(RequestEvent.Decided(record), cancellationToken);

    public ValueTask<RecordOutcome> AppendAsync(RequestEvent requestEvent, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _appends);
        return _inner.AppendAsync(requestEvent, cancellationToken);
    }

    public async ValueTask<ImportSummary> ImportAsync(IAsyncEnumerable<RequestHistory> histories, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _imports);
        await Task.Delay(ImportDelay, cancellationToken);
        if (FailImports)
        {
            throw new IOException("The store is unavailable.");
        }

        return await _inner.ImportAsync(histories, cancellationToken);
    }

    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => _inner.CountAsync(cancellationToken);

    public ValueTask<DecisionRecord?> FindAsync(string requestId, CancellationToken cancellationToken = default) => _inner.FindAsync(requestId, cancellationToken);

    public ValueTask<RequestHistory?> FindHistoryAsync(string requestId, CancellationToken cancellationToken = default) => _inner.FindHistoryAsync(requestId, cancellationToken);

    public IAsyncEnumerable<RequestHistory> ReadHistoriesAsync(RecordQuery query, CancellationToken cancellationToken = default) => _inner.ReadHistoriesAsync(query, cancellationToken);

    public ValueTask<TransparencyReport> BuildTransparencyReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default) =>
        _inner.BuildTransparencyReportAsync(schedule, dates, cancellationToken);

    public ValueTask<DsaOrderReport> BuildDsaOrderReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default) =>
        _inner.BuildDsaOrderReportAsync(schedule, dates, cancellationToken);
}
