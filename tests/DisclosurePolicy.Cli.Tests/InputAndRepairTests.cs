using System.Diagnostics;
using DisclosurePolicy.Cli.Tests.Support;
using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Cli.Tests;

/// <summary>Inputs that cannot seek, the size cap on every input, and a repaired record file (#17, items 6 and 13).</summary>
[Collection(ChildProcesses.Name)]
public sealed class InputAndRepairTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Sample => CliRun.Sample("01-fr-investigating-judge-drugs.json");

    private static CliRun Run(string stdin, long maxInputBytes, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        int code = Program.Run(args, new CliEnvironment(output, error, input) { MaxInputBytes = maxInputBytes });
        return CliRun.Of(code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Record_TornLastLineRepaired_IsAWarningAndTheRunSucceeds()
    {
        string records = _folder.File("records.jsonl");
        Assert.Equal(0, CliRun.Fixed(["record", Sample, "--to", records]).ExitCode);
        File.AppendAllText(records, "{\"schema\":\"disclosure-record/2\",\"requestId\":\"TORN");

        CliRun run = CliRun.Fixed(["record", CliRun.Sample("07-in-civil-copyright.json"), "--to", records]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"{records}: warning: line 2: TornLastLine: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("recorded: IN-2025-1204 Deny under V2", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(records).Length);
        Assert.Equal(0, CliRun.Fixed(["report", records, "--format", "csv"]).ExitCode);
    }

    [Fact]
    public void Record_UnreadableCompleteLine_IsStillAFailure()
    {
        string records = _folder.File("records.jsonl");
        File.WriteAllText(records, "{ not a record }\n");

        CliRun run = CliRun.Fixed(["record", Sample, "--to", records]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("warning", run.Error, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Evaluate_NamedPipe_IsReadAsAStream()
    {
        string pipe = _folder.File("requests.fifo");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        string json = File.ReadAllText(Sample);
        Task writer = Task.Run(() => File.WriteAllText(pipe, json));

        CliRun run = CliRun.Fixed(["evaluate", pipe]);

        Assert.True(writer.Wait(TimeSpan.FromMinutes(1)), "the writer of the pipe did not finish");
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request FR-2025-0142: MAY DISCLOSE every requested item", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StandardInputOverTheCap_IsRefusedNamingTheCap()
    {
        string json = File.ReadAllText(Sample);

        CliRun run = Run(json, json.Length - 1, "evaluate", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(
            $"<stdin>: the input is larger than the limit of {json.Length - 1} bytes; split it into smaller inputs",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Evaluate_StandardInputAtTheCap_IsDecided()
    {
        string json = File.ReadAllText(Sample);

        CliRun run = Run(json, System.Text.Encoding.UTF8.GetByteCount(json), "evaluate", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Request FR-2025-0142: MAY DISCLOSE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FileOverTheCap_IsRefusedNamingItsSizeAndTheCap()
    {
        long size = new FileInfo(Sample).Length;

        CliRun run = Run(string.Empty, 100, "evaluate", Sample);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{Sample}: the input is too large ({size} bytes); the limit is 100 bytes; split it into smaller inputs",
            Assert.Single(run.ErrorLines));
    }
}
