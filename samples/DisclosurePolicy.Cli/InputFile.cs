using System.Globalization;
using System.Buffers;
using System.Text.Unicode;

namespace DisclosurePolicy.Cli;

/// <summary>Reads the text of an input file, or of standard input for <c>-</c>, reporting why it cannot be read.</summary>
internal static class InputFile
{
    /// <summary>The largest input accepted, so a wrong file cannot exhaust memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Gets the name under which problems of an input are reported.</summary>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>Reads an input as text; on failure logs one problem and returns <see langword="null"/>.</summary>
    public static string? ReadText(string path, CliEnvironment environment, ProblemLog problems)
    {
        string name = DisplayName(path);
        if (path == "-")
        {
            return environment.Input.ReadToEnd();
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                problems.Add(name, "is a folder; expected a JSON file");
                return null;
            }

            if (!info.Exists)
            {
                problems.Add(name, "no such file");
                return null;
            }

            if (info.Length > MaxBytes)
            {
                problems.Add(name, string.Create(CultureInfo.InvariantCulture, $"the file is too large ({info.Length} bytes); the limit is {MaxBytes} bytes"));
                return null;
            }

            bytes = File.ReadAllBytes(path);
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

        return Decode(bytes, name, problems);
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
