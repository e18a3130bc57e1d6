using System.Globalization;
using System.Text;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Records.JsonLines.Internal;

/// <summary>
/// Reads a record file line by line: keeps every readable record, lists every problem by line number, and finds where
/// the next record belongs. The one reading of the format, for the recorder and for readers alike.
/// </summary>
internal sealed class RecordFileLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<RecordFileProblem> _problems = [];

    private RecordFileLoader()
    {
    }

    /// <summary>Gets every problem found, by line number.</summary>
    public IReadOnlyList<RecordFileProblem> Problems => _problems;

    /// <summary>Gets where the next record is to be written: the end of the stream, or the start of a torn last line or of
    /// white space without a line end after the last record, which the next append cuts.</summary>
    public long GoodLength { get; private set; }

    /// <summary>Gets where a torn last line starts (it runs to the end), or <see langword="null"/> when there is none.</summary>
    public long? TornLineStart { get; private set; }

    /// <summary>Gets a value indicating whether the last record lacks its line end.</summary>
    public bool NeedsLineEnd { get; private set; }

    /// <summary>Reads a record file from the stream's current position to its end.</summary>
    /// <param name="stream">The record file, positioned at its start.</param>
    /// <param name="records">Where each readable record goes; a record already there makes a duplicate or a conflict.</param>
    /// <param name="tornLineName">The name of the side file a torn last line is moved to, for the message.</param>
    /// <param name="maxLineBytes">The longest line read; a longer one is reported without being read.</param>
    /// <returns>What was found.</returns>
    public static RecordFileLoader Load(Stream stream, InMemoryDecisionRecorder records, string tornLineName, int maxLineBytes = LineReader.DefaultMaxLineBytes)
    {
        var loader = new RecordFileLoader();
        var reader = new LineReader(stream, maxLineBytes);
        while (reader.TryRead(out LineReader.Line line))
        {
            loader.GoodLength = line.Start + line.Length + (line.Terminated ? 1 : 0);
            if (!line.IsTooLong && IsBlank(line.Content))
            {
                if (!line.Terminated)
                {
                    // White space after the last record with no line end: harmless, but cut with the tail.
                    loader.GoodLength = line.Start;
                }

                continue;
            }

            RequestEvent? record = null;
            string? error = line.IsTooLong
                ? string.Create(CultureInfo.InvariantCulture, $"the line is {line.Length} bytes long, longer than any record; it was not read")
                : TryRead(line.Content, out record);

            // Only a last line without its line end can be the trace of an interrupted append: a line is written with its
            // line end in one write. A complete line this version cannot read (a newer schema, say) is someone's record.
            if (!line.Terminated && record is null)
            {
                loader._problems.Add(new RecordFileProblem(
                    line.Number,
                    RecordFileProblemKind.TornLastLine,
                    $"the last line has no line end and is not a readable record ({error}); " +
                    $"it will be moved to {tornLineName} and cut from the file on the next append"));
                loader.GoodLength = line.Start;
                loader.TornLineStart = line.Start;
                continue;
            }

            if (record is null)
            {
                loader._problems.Add(new RecordFileProblem(line.Number, RecordFileProblemKind.UnreadableLine, $"not a readable record ({error}); the line is kept and skipped"));
                continue;
            }

            if (!line.Terminated)
            {
                loader._problems.Add(new RecordFileProblem(line.Number, RecordFileProblemKind.MissingLineEnd, "the last record has no line end; it is kept and the line end is written before the next record"));
                loader.NeedsLineEnd = true;
            }

            loader.Keep(line.Number, record, records);
        }

        return loader;
    }

    private static string? TryRead(ReadOnlySpan<byte> content, out RequestEvent? record)
    {
        record = null;
        string text;
        try
        {
            text = StrictUtf8.GetString(content).TrimEnd('\r');
        }
        catch (DecoderFallbackException)
        {
            return "the line is not valid UTF-8";
        }

        ReadResult<RequestEvent> read = RequestEventJson.Read(text);
        record = read.Value;
        return read.IsValid ? null : string.Join("; ", read.Problems.Problems);
    }

    private static bool IsBlank(ReadOnlySpan<byte> content) => content.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    // Every line goes through the one validator of a request's history, as an append would.
    private void Keep(long lineNumber, RequestEvent record, InMemoryDecisionRecorder records)
    {
        try
        {
            if (records.AppendAsync(record, CancellationToken.None).Now() == RecordOutcome.AlreadyRecorded)
            {
                _problems.Add(new RecordFileProblem(lineNumber, RecordFileProblemKind.DuplicateRecord, $"repeats the {record.Kind} event already recorded for request '{record.RequestId}'; skipped"));
            }
        }
        catch (RecordConflictException ex)
        {
            _problems.Add(new RecordFileProblem(
                lineNumber,
                RecordFileProblemKind.ConflictingRecord,
                $"a different decision for request '{record.RequestId}' (differs in {string.Join(", ", ex.Differences)}); the earlier record stands"));
        }
        catch (RequestEventConflictException ex)
        {
            _problems.Add(new RecordFileProblem(
                lineNumber,
                RecordFileProblemKind.ConflictingRecord,
                $"a {record.Kind} event that contradicts the history of request '{record.RequestId}' ({string.Join("; ", ex.Problems)}); skipped"));
        }
    }
}
