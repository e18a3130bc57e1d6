using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary>
/// What a run of the program may touch: its output and error writers, its input, the clock that stamps decisions and the
/// folder of built-in sample requests. Nothing else is read from the process, so a test can run the program in-process.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Initializes a new instance of the <see cref="CliEnvironment"/> class with the system clock and the
    /// sample requests shipped beside the program.</summary>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="input">Where <c>-</c> reads requests from.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CliEnvironment(TextWriter output, TextWriter error, TextReader input)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(input);
        Output = output;
        Error = error;
        Input = input;
    }

    /// <summary>Gets where results go.</summary>
    public TextWriter Output { get; }

    /// <summary>Gets where problems go.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets where <c>-</c> reads requests from.</summary>
    public TextReader Input { get; }

    /// <summary>Gets the clock that stamps decisions.</summary>
    /// <value>Defaults to the system clock.</value>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Gets the folder holding the built-in sample requests the demo decides.</summary>
    /// <value>Defaults to the <c>requests</c> folder beside the program.</value>
    public string SampleDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "requests");

    /// <summary>Gets the largest input read, from a file or standard input, in bytes; a larger one is refused with a message
    /// naming the limit.</summary>
    /// <value>Defaults to 64 MiB.</value>
    public long MaxInputBytes { get; init; } = InputFile.MaxBytes;

    /// <summary>Gets a value indicating whether the output is an interactive terminal (colour and box drawing on).</summary>
    /// <value>Defaults to <see langword="false"/>: plain text, no ANSI codes.</value>
    public bool IsTerminal { get; init; }

    /// <summary>Gets a value indicating whether the process's standard output is an interactive terminal.</summary>
    /// <returns><see langword="true"/> when output is not redirected and NO_COLOR is not set.</returns>
    internal static bool IsConsoleTerminal() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
