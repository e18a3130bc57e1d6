using System.Diagnostics;
using System.Runtime.Versioning;
using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>A store this user may not write is reported with whose it is and what to do, not as a bare "permission
/// denied" (#17, item 13). As root (CI), the program runs as user nobody in a process of its own, so the files the test
/// made belong to another user; otherwise it runs in-process on files whose write permission is removed.</summary>
[UnsupportedOSPlatform("windows")]
[Collection(ChildProcesses.Name)]
public sealed class FileOwnershipTests : IDisposable
{
    private const UnixFileMode ReadWriteRead = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Everyone = ReadWriteRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly TempFolder _folder = new();

    public FileOwnershipTests() => File.SetUnixFileMode(_folder.Path, Everyone | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

    public void Dispose() => _folder.Dispose();

    private static bool IsRoot => Environment.UserName == "root";

    private static string Owner => $"{Environment.UserName} (uid {Uid()})";

    private static string Me => IsRoot ? "nobody (uid 65534)" : Owner;

    private static string Mode => IsRoot ? "rw-r--r--" : "r--r--r--";

    private static string Uid() => File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[2];

    // Not the program's user's to write: another user's as root, read-only otherwise.
    private static void NotYours(string path) =>
        File.SetUnixFileMode(path, IsRoot ? ReadWriteRead : UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    private static CliRun RunAsAnotherUser(params string[] args)
    {
        if (!IsRoot)
        {
            return CliRun.Fixed(args);
        }

        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", Environment.ProcessPath!, Path.Combine(AppContext.BaseDirectory, "disclosure.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the program did not exit within a minute");
        return CliRun.Of(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    [LinuxFact]
    public void Record_JsonLinesFileOfAnotherUser_NamesTheOwnerAndWhatToDo()
    {
        string records = _folder.File("records.jsonl");
        Assert.Equal(0, CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]).ExitCode);
        NotYours(records);

        CliRun run = RunAsAnotherUser("record", CliRun.Sample("02-us-grand-jury-subpoena.json"), "--to", records);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{records}: permission denied: records.jsonl belongs to {Owner}, mode {Mode}, and this program runs as {Me}, "
            + "who may not write it; run the command as the owner, or have write access given to you (chown or chmod)",
            Assert.Single(run.ErrorLines));
    }

    [LinuxFact]
    public void Record_SqliteFilesLeftBehindByAnotherUser_NamesThemTheirOwnerAndWhatToDo()
    {
        string records = _folder.File("records.db");
        Assert.Equal(0, CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]).ExitCode);
        File.SetUnixFileMode(records, Everyone);
        foreach (string left in new[] { records + "-wal", records + "-shm" })
        {
            File.WriteAllBytes(left, []);
            NotYours(left);
        }

        CliRun run = RunAsAnotherUser("record", CliRun.Sample("02-us-grand-jury-subpoena.json"), "--to", records);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{records}: permission denied: records.db-wal and records.db-shm, the database's log and lock files left behind by another user's run, "
            + $"belong to {Owner}, mode {Mode}, and this program runs as {Me}, who may not write them; "
            + "run the command once as their owner (closing the database cleanly removes them), or have them given to you (chown)",
            Assert.Single(run.ErrorLines));
    }

    [LinuxFact]
    public void Record_SqliteDatabaseOfAnotherUser_IsRefusedBeforeAnyWrite()
    {
        string records = _folder.File("records.db");
        Assert.Equal(0, CliRun.Fixed(["record", CliRun.Sample("01-fr-investigating-judge-drugs.json"), "--to", records]).ExitCode);
        NotYours(records);

        CliRun run = RunAsAnotherUser("record", CliRun.Sample("02-us-grand-jury-subpoena.json"), "--to", records);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(
            $"{records}: permission denied: records.db belongs to {Owner}, mode {Mode}, and this program runs as {Me}, "
            + "who may not write it; run the command as the owner, or have write access given to you (chown or chmod)",
            Assert.Single(run.ErrorLines));
    }
}
