using System.Text;
using DisclosurePolicy.Cli.Tests.Support;

namespace DisclosurePolicy.Cli.Tests;

public class ProgramTests
{
    [Fact]
    public void Run_OutputFailsMidway_ExitsOneWithOneLineAndNoStackTrace()
    {
        using var error = new StringWriter();
        var environment = new CliEnvironment(new BrokenPipe(), error, new StringReader(string.Empty));

        int code = Program.Run(["evaluate", CliRun.Sample("01-fr-investigating-judge-drugs.json")], environment);

        Assert.Equal(1, code);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("disclosure: unexpected failure: the reader went away (IOException)", line);
    }

    [Fact]
    public void Run_Help_DescribesTheDemoAndListsTheCommands()
    {
        CliRun run = CliRun.Plain("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("With no command: a demo on the built-in sample requests.", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate <file>", run.Output, StringComparison.Ordinal);
        Assert.Contains("compare <versionA> <versionB>", run.Output, StringComparison.Ordinal);
        Assert.Contains("record <file>", run.Output, StringComparison.Ordinal);
        Assert.Contains("report <records>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--rules <FILE>", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Theory]
    [InlineData("evaluate", "-", "--rules", "-")]
    [InlineData("record", "-", "--to", "records.jsonl", "--rules", "-")]
    [InlineData("compare", "V1", "V2", "--request", "-", "--rules", "-")]
    public void Run_RulesAndRequestsBothOnStandardInput_ExitsTwo(params string[] args)
    {
        CliRun run = CliRun.Plain(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--rules: standard input can hold the requests or the rules, not both", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists("records.jsonl"));
    }

    [Fact]
    public void Run_OnATerminal_StillWritesEveryDecision()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new StringReader(string.Empty)) { IsTerminal = true };

        int code = Program.Run([], environment);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("Request FR-2025-0142: MAY DISCLOSE every requested item", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("GB-2020-0058", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullArguments_Throws()
    {
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null);

        Assert.Throws<ArgumentNullException>(() => Program.Run(null!, environment));
        Assert.Throws<ArgumentNullException>(() => Program.Run([], null!));
    }

    /// <summary>An output whose reader has gone away, as when a pipe is closed.</summary>
    private sealed class BrokenPipe : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("the reader went away");

        public override void Write(string? value) => throw new IOException("the reader went away");
    }
}
