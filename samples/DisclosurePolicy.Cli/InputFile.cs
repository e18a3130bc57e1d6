using System.Globalization;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DisclosurePolicy.Cli;

/// <summary>Reads the text of an input file, or of standard input for <c>-</c>, reporting why it cannot be read.</summary>
internal static class InputFile
{
    /// <summary>The largest input accepted by default, from a file or standard input, so a wrong input cannot exhaust memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private const int Chunk = 64 * 1024;

    /// <summary>Gets the name under which problems of an input are reported.</summary>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>Reads an input as text; on failure logs one problem and returns <see langword="null"/>. A file that cannot
    /// seek (a named pipe, <c>/dev/stdin</c>) is read as a stream, and any input, standard input included, is read only up
    /// to the cap.</summary>
    public static string? ReadText(string path, CliEnvironment environment, ProblemLog problems)
    {
        string name = DisplayName(path);
        long cap = environment.MaxInputBytes;
        if (path == "-")
        {
            return ReadCapped(environment.Input, name, cap, problems);
        }

        byte[]? bytes;
        try
        {
            if (Directory.Exists(path))
            {
                problems.Add(name, "is a folder; expected a JSON file");
                return null;
            }

            if (!File.Exists(path))
            {
                problems.Add(name, "no such file");
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            bytes = ReadCapped(stream, name, cap, problems);
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add(name, "permission denied");
            return null;
        }
        catch (IOException ex)
        {
            problems.Add(name, $"cannot be read: {ex.Message}");
            return null;
        }

        return bytes is null ? null : Decode(bytes, name, problems);
    }

    // A stream's size is known only once it passes the limit, so the message names the limit alone.
    private static string TooLarge(long cap, long? size) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(size is long known ? $"the input is too large ({known} bytes); the limit is" : "the input is larger than the limit of")} {cap} bytes{(cap >= 1024 * 1024 ? $" ({cap / (1024.0 * 1024):0.##} MiB)" : string.Empty)}; split it into smaller inputs");

    // Reads up to the cap and one byte more, so an input over it is refused without being held; a seekable file's size is
    // checked before anything is read.
    private static byte[]? ReadCapped(Stream stream, string name, long cap, ProblemLog problems)
    {
        if (stream.CanSeek && stream.Length > cap)
        {
            problems.Add(name, TooLarge(cap, stream.Length));
            return null;
        }

        var buffer = stream.CanSeek ? new MemoryStream((int)stream.Length) : new MemoryStream();
        byte[] chunk = new byte[Chunk];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > cap)
            {
                problems.Add(name, TooLarge(cap, null));
                return null;
            }
        }

        return buffer.ToArray();
    }

    // Standard input arrives as text: its size is counted in UTF-8 bytes, as a file's is.
    private static string? ReadCapped(TextReader input, string name, long cap, ProblemLog problems)
    {
        var text = new StringBuilder();
        char[] chunk = new char[Chunk];
        long bytes = 0;
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            bytes += Encoding.UTF8.GetByteCount(chunk, 0, read);
            if (bytes > cap)
            {
                problems.Add(name, TooLarge(cap, null));
                return null;
            }

            text.Append(chunk, 0, read);
        }

        return text.ToString();
    }

    private static string? Decode(byte[] bytes, string name, ProblemLog problems)
    {
        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            problems.Add(name, string.Create(CultureInfo.InvariantCulture, $"is binary, not text (a NUL byte at offset {nul}); expected a JSON document"));
            return null;
        }

        char[] chars = new char[bytes.Length];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            problems.Add(name, string.Create(CultureInfo.InvariantCulture, $"is not UTF-8 text (invalid byte 0x{bytes[read]:X2} at offset {read}); expected a JSON document"));
            return null;
        }

        int start = written > 0 && chars[0] == '\uFEFF' ? 1 : 0;
        return new string(chars, start, written - start);
    }
}
