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
        Assert.Equal(string.Empty, run.Error);
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
