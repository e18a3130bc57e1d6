using System.Diagnostics;

namespace DisclosurePolicy.Cli.Tests.Support;

/// <summary>Runs the built program in a process of its own, for what one process cannot show about another.</summary>
public static class CliProcess
{
    /// <summary>Runs the program with the arguments and captures what it writes, as <see cref="CliRun"/> does in-process.</summary>
    public static CliRun Run(params string[] args)
    {
        using Process process = Start(args);
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the program did not exit within a minute");
        return CliRun.Of(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>Starts the program with the arguments, its output and error redirected, and returns at once.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "disclosure.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    // The test host usually runs under the dotnet host itself; otherwise the one on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
