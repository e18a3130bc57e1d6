namespace DisclosurePolicy.Cli;

/// <summary>The entry point of the <c>disclosure</c> command-line program.</summary>
public static class Program
{
    /// <summary>Runs the program on the process's console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code: 0 success, 1 unexpected failure, 2 bad input.</returns>
    public static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, Console.In, CliEnvironment.IsConsoleTerminal());

    /// <summary>Runs the program in-process, writing to the given writers and never to the console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <param name="stdin">Where <c>-</c> reads requests from.</param>
    /// <returns>The exit code: 0 success, 1 unexpected failure, 2 bad input.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin) =>
        Run(args, stdout, stderr, stdin, isTerminal: false);

    /// <summary>Runs the program with an explicit environment (clock, sample folder), for tests and hosts.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">The streams, clock and sample folder to use.</param>
    /// <returns>The exit code: 0 success, 1 unexpected failure, 2 bad input.</returns>
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        return CommandTree.Invoke(args, environment);
    }

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, bool isTerminal) =>
        Run(args, new CliEnvironment(stdout, stderr, stdin) { IsTerminal = isTerminal });
}
