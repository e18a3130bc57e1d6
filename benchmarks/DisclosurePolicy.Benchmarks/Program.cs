using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DisclosurePolicy.Benchmarks.Peers;
using DisclosurePolicy.Benchmarks.Workload;
using Perfolizer.Horology;

namespace DisclosurePolicy.Benchmarks;

/// <summary>
/// Runs the benchmarks (any BenchmarkDotNet arguments, for example <c>--filter '*'</c>), the short mode
/// (<c>--short</c>: one process per benchmark, immediate tier-up, 6 warm-up and 15 measured iterations of 50 ms) or the agreement check
/// (<c>--agreement</c>: the four implementations of V2 on the 10,000-request batch).
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 on success; 1 when the implementations disagree or a benchmark failed or did not run.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--agreement"))
        {
            AgreementReport report = await AgreementCheck.RunAsync(RequestBatch.Generate()).ConfigureAwait(false);
            Console.Write(report);
            return report.Agree ? 0 : 1;
        }

        // Median and Min beside the mean: on a shared machine they show what a descheduled iteration does to the mean.
        IConfig config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        if (args.Contains("--short"))
        {
            // Many short iterations rather than a few long ones, so the outlier filter has something to work with. Methods
            // tier up as soon as they are hot (no call-counting delay): with short warm-ups on a busy machine the delayed
            // background tier-up can lag and leave a benchmark measuring unoptimised code. Dynamic PGO stays on, as in a host.
            config = config.AddJob(Job.Default
                .WithId("Short")
                .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0"))
                .WithLaunchCount(1)
                .WithWarmupCount(6)
                .WithIterationCount(15)
                .WithIterationTime(TimeInterval.FromMilliseconds(50)));
            args = [.. args.Where(a => a != "--short")];
        }

        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config)];

        // BenchmarkDotNet exits normally even when it refuses to run (a Debug build) or a benchmark throws: say so.
        bool failed = summaries.Length == 0
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
        if (failed)
        {
            Console.Error.WriteLine("Some benchmarks did not run or failed; see the log above.");
        }

        return failed ? 1 : 0;
    }
}
