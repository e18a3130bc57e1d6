using System.Text;
using DisclosurePolicy.Records.JsonLines.Internal;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Records.JsonLines;

/// <summary>
/// An <see cref="IDecisionRecorder"/> that appends the events of requests' lives to a JSON Lines file (one event per line,
/// in the format of <see cref="RequestEventJson"/>; lines of decision records written by earlier versions, schema
/// <c>disclosure-record/1</c>, are read as decided events), flushing each to disk before it counts as recorded.
/// </summary>
/// <remarks>
/// <para><b>Opening.</b> <see cref="Open"/> reads every line, keeps every readable record and lists every problem with its
/// line number in <see cref="Problems"/>; it never throws on a damaged file and never loses a record that was fully
/// written. It reads one line at a time, so the memory it takes for reading is bounded by the longest line, not by the
/// size of the file, and positions are 64-bit: files over 2 GiB are read like any other. A line of 64 MiB or more, far
/// beyond any record, is reported without being read.</para>
/// <para><b>A crash mid-write</b> leaves at most the last line incomplete. Such a torn last line (no line end and not a
/// readable record) is reported as <see cref="RecordFileProblemKind.TornLastLine"/> and repaired on the next append: its
/// bytes are first appended to the side file <c>&lt;path&gt;.torn</c> (flushed), then cut from the record file, so the
/// file is well-formed again and nothing is thrown away. A last line that is a complete record missing only its line end
/// is kept, and the line end is written before the next record. A complete line that is not a readable record (one of a
/// newer schema, say), last or not, is reported as <see cref="RecordFileProblemKind.UnreadableLine"/> and left in
/// place.</para>
/// <para><b>Appending.</b> Each record is written as one line and flushed through to the disk
/// (<see cref="FileStream.Flush(bool)"/> with <see langword="true"/>) before <see cref="AppendAsync"/> returns. If the write
/// fails, the file is cut back to where it was and the exception propagates; the record is not kept in memory.</para>
/// <para><b>One writer.</b> While open, the recorder holds an operating-system lock on the record file itself (not on a
/// side file named after its path), so a second recorder on the same file is refused however it names the file (a
/// symbolic or hard link, a relative path), in this process or another. The lock goes with the handle: it is released
/// when the recorder is disposed or its process ends, and no side file is left behind. On Linux and Windows readers may
/// read the file meanwhile; on other systems .NET's own sharing check keeps .NET readers out while a recorder holds
/// it.</para>
/// <para><b>Reading only.</b> A program that only reads records (a report, say) uses <see cref="ReadAll"/>, which takes
/// no lock and writes nothing.</para>
/// <para>It is safe to use from several threads. Dispose it to close the file.</para>
/// </remarks>
public sealed class JsonLinesDecisionRecorder : IDecisionRecorder, IDisposable
{
    private readonly Lock _gate = new();
    private readonly WriterLock _file;
    private readonly FileStream _stream;
    private readonly InMemoryDecisionRecorder _records = new();
    private long _goodLength;
    private long? _tornLineStart;
    private bool _needsLineEnd;
    private bool _disposed;

    private JsonLinesDecisionRecorder(string path, WriterLock file)
    {
        Path = path;
        _file = file;
        _stream = file.Stream;
        Problems = Load();
    }

    /// <summary>Gets the full path of the record file.</summary>
    public string Path { get; }

    /// <summary>Gets the path of the side file that keeps the bytes of a repaired torn line.</summary>
    public string TornLinePath => TornLinePathOf(Path);

    /// <summary>Gets every problem found when the file was opened, by line number.</summary>
    public IReadOnlyList<RecordFileProblem> Problems { get; }

    /// <summary>Gets a value indicating whether a torn last line is waiting to be repaired by the next append.</summary>
    public bool HasTornLastLine
    {
        get
        {
            lock (_gate)
            {
                return _tornLineStart is not null;
            }
        }
    }

    /// <summary>Opens a record file, creating it when it does not exist, and reads every record in it.</summary>
    /// <param name="path">The file's path; its directory must exist.</param>
    /// <returns>The recorder, with <see cref="Problems"/> listing anything wrong in the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened, or another recorder holds it (the message then begins
    /// <c>another writer holds</c> and names the file).</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not write the file.</exception>
    public static JsonLinesDecisionRecorder Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);

        WriterLock file = WriterLock.Open(full);
        try
        {
            return new JsonLinesDecisionRecorder(full, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads every record of a record file and every problem in it, without writing to the file or taking the
    /// writer's lock.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The readable records, in the order of the file, and the problems, by line number, that <see cref="Open"/>
    /// would find.</returns>
    /// <remarks><para>The file is opened for reading only, sharing reading and writing, and nothing is created, repaired or
    /// cut, so the file may be read-only or in a read-only folder. A recorder may hold the file and append to it meanwhile
    /// (on Linux and Windows; elsewhere .NET's sharing check refuses a reader while a recorder holds the file); a record
    /// being appended at that moment may then show as a torn last line. Reading takes memory for the records kept and for
    /// the longest line, not for the whole file.</para></remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    public static RecordFileContents ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var records = new InMemoryDecisionRecorder();
        RecordFileLoader loaded = RecordFileLoader.Load(stream, records, System.IO.Path.GetFileName(TornLinePathOf(full)));
        return new RecordFileContents(full, records.ReadHistoriesAsync(RecordQuery.All).Now(), loaded.Problems);
    }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The recorder has been disposed.</exception>
    /// <exception cref="IOException">The record could not be written; the file is left as it was.</exception>
    public ValueTask<RecordOutcome> RecordAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AppendAsync(RequestEvent.Decided(record), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The recorder has been disposed.</exception>
    /// <exception cref="IOException">The event could not be written; the file is left as it was.</exception>
    public ValueTask<RecordOutcome> AppendAsync(RequestEvent requestEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestEvent);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Append(requestEvent));
    }

    /// <inheritdoc/>
    /// <remarks><para>Each event is written and flushed as <see cref="AppendAsync"/> writes it; a request's events are
    /// checked together first, so a refused history writes none of its events.</para></remarks>
    /// <exception cref="ObjectDisposedException">The recorder has been disposed.</exception>
    /// <exception cref="IOException">An event could not be written; the file keeps every event written before it.</exception>
    public async ValueTask<ImportSummary> ImportAsync(IAsyncEnumerable<RequestHistory> histories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        long requests = 0, recorded = 0, already = 0;
        await foreach (RequestHistory history in histories.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(history, nameof(histories));
            lock (_gate)
            {
                // Checked as a whole before anything is written, so a refused request leaves no event of it behind.
                RequestHistory? next = _records.FindHistoryAsync(history.RequestId, CancellationToken.None).Now();
                foreach (RequestEvent e in history.Events)
                {
                    next = RequestHistory.Apply(next, e, out _);
                }

                foreach (RequestEvent e in history.Events)
                {
                    if (Append(e) == RecordOutcome.Recorded)
                    {
                        recorded++;
                    }
                    else
                    {
                        already++;
                    }
                }
            }

            requests++;
        }

        return new ImportSummary(requests, recorded, already);
    }

    /// <inheritdoc/>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => _records.CountAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<DecisionRecord?> FindAsync(string requestId, CancellationToken cancellationToken = default) => _records.FindAsync(requestId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<RequestHistory?> FindHistoryAsync(string requestId, CancellationToken cancellationToken = default) =>
        _records.FindHistoryAsync(requestId, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<RequestHistory> ReadHistoriesAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        _records.ReadHistoriesAsync(query, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<TransparencyReport> BuildTransparencyReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default) =>
        _records.BuildTransparencyReportAsync(schedule, dates, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<DsaOrderReport> BuildDsaOrderReportAsync(ReportingSchedule schedule, DateInterval? dates, CancellationToken cancellationToken = default) =>
        _records.BuildDsaOrderReportAsync(schedule, dates, cancellationToken);

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _file.Dispose();
            }
        }
    }

    private RecordOutcome Append(RequestEvent requestEvent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Checked before anything is written: a refused event leaves the file byte for byte as it was.
            RequestHistory.Apply(_records.FindHistoryAsync(requestEvent.RequestId, CancellationToken.None).Now(), requestEvent, out RecordOutcome outcome);
            if (outcome == RecordOutcome.AlreadyRecorded)
            {
                return outcome;
            }

            RepairTail();
            byte[] line = Encoding.UTF8.GetBytes((_needsLineEnd ? "\n" : string.Empty) + RequestEventJson.Write(requestEvent) + "\n");
            long before = _stream.Length;
            try
            {
                _stream.Seek(0, SeekOrigin.End);
                _stream.Write(line);
                _stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Leave no partial line behind: cut the file back to where the append began.
                _stream.SetLength(before);
                _stream.Flush(flushToDisk: true);
                throw;
            }

            _needsLineEnd = false;
            _goodLength = _stream.Length;
            return _records.AppendAsync(requestEvent, CancellationToken.None).Now();
        }
    }

    private static string TornLinePathOf(string path) => path + ".torn";

    private IReadOnlyList<RecordFileProblem> Load()
    {
        _stream.Seek(0, SeekOrigin.Begin);
        RecordFileLoader loaded = RecordFileLoader.Load(_stream, _records, System.IO.Path.GetFileName(TornLinePath));
        _goodLength = loaded.GoodLength;
        _tornLineStart = loaded.TornLineStart;
        _needsLineEnd = loaded.NeedsLineEnd;
        return [.. loaded.Problems];
    }

    // Keep the torn bytes in the side file first, then cut them from the record file.
    private void RepairTail()
    {
        if (_tornLineStart is long tornLineStart)
        {
            using (var side = new FileStream(TornLinePath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.WriteThrough))
            {
                // The torn line runs to the end of the file; copied in pieces, since nothing bounds its length.
                _stream.Seek(tornLineStart, SeekOrigin.Begin);
                _stream.CopyTo(side);
                side.WriteByte((byte)'\n');
                side.Flush(flushToDisk: true);
            }

            _stream.SetLength(_goodLength);
            _stream.Flush(flushToDisk: true);
            _tornLineStart = null;
        }
        else if (_goodLength < _stream.Length)
        {
            // Only white space without a line end follows the last record.
            _stream.SetLength(_goodLength);
            _stream.Flush(flushToDisk: true);
        }

        if (_goodLength > 0 && !_needsLineEnd)
        {
            _stream.Seek(_goodLength - 1, SeekOrigin.Begin);
            _needsLineEnd = _stream.ReadByte() != '\n';
        }
    }
}
