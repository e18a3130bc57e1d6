using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Cli.Tests.Support;

/// <summary>Runs the program's entry point in-process and captures what it writes.</summary>
public sealed class CliRun
{
    public static readonly Instant DecidedAt = Instant.FromUtc(2026, 11, 2, 10, 0);

    private CliRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    /// <summary>A run whose exit code and outputs were captured elsewhere (a child process).</summary>
    public static CliRun Of(int exitCode, string output, string error) => new(exitCode, output, error);

    public string Output { get; }

    public string Error { get; }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "requests");

    public static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>Runs through the public four-writer entry point, as Program.Main does.</summary>
    public static CliRun Plain(params string[] args) => WithInput(string.Empty, args);

    /// <summary>Runs through the public entry point with text on standard input.</summary>
    public static CliRun WithInput(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        int code = Program.Run(args, output, error, input);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs with a fixed clock and, optionally, another sample folder.</summary>
    public static CliRun Fixed(string[] args, string? sampleDirectory = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(string.Empty);
        var environment = new CliEnvironment(output, error, input)
        {
            Clock = new FakeClock(DecidedAt),
            SampleDirectory = sampleDirectory ?? Samples,
        };
        int code = Program.Run(args, environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts the run wrote no stack trace or exception type name anywhere.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
    }
}
