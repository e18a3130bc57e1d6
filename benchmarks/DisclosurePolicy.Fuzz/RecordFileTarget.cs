using System.Text;
using System.Text.Json;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// The record file reader (<see cref="JsonLinesDecisionRecorder.ReadAll"/>) on files of one or two requests' histories,
/// spoiled line by line (a line mutated like a single event; lines repeated, swapped, dropped, blank; CR line ends; no
/// final line end; a cut anywhere; invalid UTF-8; a byte order mark). Oracles: every line the event reader refuses on
/// its own is reported at its line number; every line it accepts is either kept (in the records or a history) or
/// reported, never silently dropped; every record kept is written and read back equal.
/// </summary>
internal sealed class RecordFileTarget : ReaderTarget, IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IReadOnlyList<string[]> _histories;
    private readonly string _folder;
    private readonly string _path;

    // Most lines of an input are a seed's lines unchanged: what the event reader makes of each is remembered.
    private readonly Dictionary<string, RequestEvent> _seedLines = new(StringComparer.Ordinal);

    public RecordFileTarget(IReadOnlyList<string[]> histories, int seed)
        : base("record files", [.. histories.SelectMany(h => h)], seed)
    {
        _histories = histories;
        _folder = Path.Combine(Path.GetTempPath(), $"disclosurepolicy-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "records.jsonl");
        foreach (string line in histories.SelectMany(h => h))
        {
            _seedLines[line] = RequestEventJson.Read(line).Value!;
        }
    }

    public override FuzzInput Next()
    {
        var applied = new List<Mutation>();
        var lines = new List<string>(_histories[Random.Next(_histories.Count)]);
        if (Random.Next(4) == 0)
        {
            lines.AddRange(_histories[Random.Next(_histories.Count)]);
        }

        int operations = 1 + (Random.Next(3) == 0 ? 1 : 0);
        for (int i = 0; i < operations; i++)
        {
            SpoilLines(lines, applied);
        }

        string lineEnd = Random.Next(8) == 0 ? "\r\n" : "\n";
        if (lineEnd == "\r\n")
        {
            applied.Add(Mutation.CarriageReturns);
        }

        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + lineEnd)));
        return new FuzzInput(null, SpoilBytes(bytes, applied), applied);
    }

    /// <summary>Checks that the file of every history, as a recorder writes it, reads without a problem.</summary>
    public override void CheckSeeds()
    {
        for (int i = 0; i < _histories.Count; i++)
        {
            Verdict verdict = Check(new FuzzInput(null, Encoding.UTF8.GetBytes(string.Concat(_histories[i].Select(l => l + "\n"))), []), i);
            if (!verdict.Clean || verdict.Finding is not null)
            {
                throw new InvalidOperationException($"{Name}: the file of history {i} does not read cleanly: {verdict.Finding ?? "it has problems"}");
            }
        }
    }

    public override Verdict Check(FuzzInput input, long index)
    {
        File.WriteAllBytes(_path, input.Bytes ?? Encoding.UTF8.GetBytes(input.Text! + "\n"));
        RecordFileContents contents = JsonLinesDecisionRecorder.ReadAll(_path);
        var reported = new HashSet<long>(contents.Problems.Select(p => p.LineNumber));

        foreach (DecisionRecord record in contents.Records)
        {
            string written = DecisionRecordJson.Write(record);
            ReadResult<DecisionRecord> again = DecisionRecordJson.Read(written);
            if (!again.IsValid || !again.Value.Equals(record))
            {
                return Verdict.Broken($"the record of request '{record.RequestId}' was kept but does not round-trip");
            }
        }

        long number = 0;
        foreach (byte[] line in Lines(input.Bytes ?? Encoding.UTF8.GetBytes(input.Text! + "\n")))
        {
            number++;
            if (line.AsSpan().IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0 || reported.Contains(number))
            {
                continue;
            }

            RequestEvent? read = ReadLine(line);
            if (read is null)
            {
                return Verdict.Broken($"line {number} is not a readable event, yet no problem names it");
            }

            bool kept = read.Kind == RequestEventKind.Decided
                ? contents.Records.Any(r => r.Equals(read.Decision))
                : contents.Histories.Any(h => h.RequestId == read.RequestId && h.Events.Contains(read));
            if (!kept)
            {
                return Verdict.Broken($"line {number} holds a readable {read.Kind} event for '{read.RequestId}' that was neither kept nor reported");
            }
        }

        return Verdict.Of(contents.Problems.Count == 0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RequestEvent? ReadLine(byte[] line)
    {
        try
        {
            string text = StrictUtf8.GetString(line);
            if (_seedLines.TryGetValue(text, out RequestEvent? known))
            {
                return known;
            }

            ReadResult<RequestEvent> read = RequestEventJson.Read(text.TrimEnd('\r'));
            return read.IsValid ? read.Value : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // The lines as the file reader sees them: split at each line feed; a last line without one counts when it is not empty.
    private static IEnumerable<byte[]> Lines(byte[] bytes)
    {
        int start = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                yield return bytes[start..];
                yield break;
            }

            yield return bytes[start..end];
            start = end + 1;
        }
    }

    private void SpoilLines(List<string> lines, List<Mutation> applied)
    {
        int at = Random.Next(lines.Count);
        switch (Random.Next(10))
        {
            case < 5:
                applied.Add(Mutation.MutateLine);
                // A line an earlier operation spoiled is no longer JSON: its text is spoiled further instead.
                lines[at] = TryParse(lines[at]) is JsonTree tree ? Mutator.Mutate(tree, applied) : Mutator.MutateText(lines[at], applied);
                break;
            case 5:
                applied.Add(Mutation.DuplicateLine);
                lines.Insert(Random.Next(lines.Count + 1), lines[at]);
                break;
            case 6 when lines.Count > 1:
                applied.Add(Mutation.SwapLines);
                int other = Random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 7 when lines.Count > 1:
                applied.Add(Mutation.DropLine);
                lines.RemoveAt(at);
                break;
            case 8:
                applied.Add(Mutation.BlankLine);
                lines.Insert(at, Random.Next(2) == 0 ? string.Empty : " \t ");
                break;
            default:
                applied.Add(Mutation.MutateLine);
                lines[at] = Mutator.MutateText(lines[at], applied);
                break;
        }
    }

    private static JsonTree? TryParse(string line)
    {
        try
        {
            return JsonTree.Parse(line);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private byte[] SpoilBytes(byte[] bytes, List<Mutation> applied)
    {
        switch (Random.Next(8))
        {
            case 0:
                applied.Add(Mutation.NoFinalLineEnd);
                return bytes[..^1];
            case 1:
                applied.Add(Mutation.Truncate);
                return bytes[..Random.Next(bytes.Length)];
            case 2:
                applied.Add(Mutation.InvalidUtf8);
                int at = Random.Next(bytes.Length);
                byte[][] invalid = [[0xC0, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0x00]];
                return [.. bytes[..at], .. invalid[Random.Next(invalid.Length)], .. bytes[at..]];
            case 3:
                applied.Add(Mutation.Utf8ByteOrderMark);
                return [0xEF, 0xBB, 0xBF, .. bytes];
            default:
                return bytes;
        }
    }
}
