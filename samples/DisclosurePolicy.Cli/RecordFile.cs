using DisclosurePolicy.Records.JsonLines;

namespace DisclosurePolicy.Cli;

/// <summary>Opens a JSON Lines record file, reporting why it cannot be opened and every problem found in it.</summary>
internal static class RecordFile
{
    /// <summary>Opens the file, creating it when <paramref name="create"/> is set; logs its problems (each line that could
    /// not be read is kept in the file and reported); returns <see langword="null"/> when it cannot be opened.</summary>
    public static JsonLinesDecisionRecorder? Open(string path, ProblemLog problems, bool create = true)
    {
        if (path == "-")
        {
            problems.Add(path, "a record file must be a file, not standard input or output");
            return null;
        }

        if (Directory.Exists(path))
        {
            problems.Add(path, "is a folder; expected a JSON Lines record file");
            return null;
        }

        if (!create && !File.Exists(path))
        {
            problems.Add(path, "no such file");
            return null;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            problems.Add(path, $"the folder {folder} does not exist");
            return null;
        }

        JsonLinesDecisionRecorder recorder;
        try
        {
            recorder = JsonLinesDecisionRecorder.Open(path);
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add(path, "permission denied");
            return null;
        }
        catch (IOException ex)
        {
            problems.Add(path, $"cannot be opened: {ex.Message}");
            return null;
        }

        foreach (RecordFileProblem problem in recorder.Problems)
        {
            problems.Add(path, problem.ToString());
        }

        return recorder;
    }
}
