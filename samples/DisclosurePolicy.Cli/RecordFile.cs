using DisclosurePolicy.Records.JsonLines;

namespace DisclosurePolicy.Cli;

/// <summary>Opens or reads a JSON Lines record file, reporting why it cannot be and every problem found in it.</summary>
internal static class RecordFile
{
    /// <summary>Opens the file for appending, creating it when missing; logs its problems (each line that could not be
    /// read is kept in the file and reported); returns <see langword="null"/> when it cannot be opened.</summary>
    public static JsonLinesDecisionRecorder? Open(string path, ProblemLog problems)
    {
        if (!IsUsable(path, problems, mustExist: false))
        {
            return null;
        }

        JsonLinesDecisionRecorder recorder;
        try
        {
            recorder = JsonLinesDecisionRecorder.Open(path);
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add(path, FileOwnership.Denied(path, write: true));
            return null;
        }
        catch (IOException ex)
        {
            problems.Add(path, $"cannot be opened: {ex.Message}");
            return null;
        }

        Log(path, recorder.Problems, problems, writing: true);
        return recorder;
    }

    /// <summary>Reads the file without writing to it or taking the writer's lock, so a read-only file will do and a
    /// recorder may be appending meanwhile; logs its problems; returns <see langword="null"/> when it cannot be read.</summary>
    public static RecordFileContents? Read(string path, ProblemLog problems)
    {
        if (!IsUsable(path, problems, mustExist: true))
        {
            return null;
        }

        RecordFileContents contents;
        try
        {
            contents = JsonLinesDecisionRecorder.ReadAll(path);
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add(path, FileOwnership.Denied(path, write: false));
            return null;
        }
        catch (IOException ex)
        {
            problems.Add(path, $"cannot be read: {ex.Message}");
            return null;
        }

        Log(path, contents.Problems, problems, writing: false);
        return contents;
    }

    private static bool IsUsable(string path, ProblemLog problems, bool mustExist)
    {
        if (path == "-")
        {
            problems.Add(path, "a record file must be a file, not standard input or output");
            return false;
        }

        if (Directory.Exists(path))
        {
            problems.Add(path, "is a folder; expected a JSON Lines record file");
            return false;
        }

        if (mustExist && !File.Exists(path))
        {
            problems.Add(path, "no such file");
            return false;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            problems.Add(path, $"the folder {folder} does not exist");
            return false;
        }

        return true;
    }

    private static void Log(string path, IEnumerable<RecordFileProblem> found, ProblemLog problems, bool writing)
    {
        foreach (RecordFileProblem problem in found)
        {
            // The writer repairs the trace of an interrupted append (no record is lost): a warning, not a failure of the run.
            if (writing && problem.Kind is RecordFileProblemKind.TornLastLine or RecordFileProblemKind.MissingLineEnd)
            {
                problems.Warn(path, problem.ToString());
            }
            else
            {
                problems.Add(path, problem.ToString());
            }
        }
    }
}
