using System.Diagnostics;
using System.Globalization;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// Fuzzes every reader of the library with nearly-valid and hostile JSON made from valid documents, and checks each read:
/// no exception escapes, no input takes longer than the bound, an input read with problems never yields a value that
/// permits a disclosure, and whatever is read cleanly round-trips.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/DisclosurePolicy.Fuzz -- [--inputs N] [--seconds S] [--seed N]
/// [--timeout S] [--readers requests,rules,records,events,record-files] [--findings FOLDER]</c>. Each reader gets N
/// inputs (1,000,000 by default) or S seconds, whichever ends first. Prints a Markdown table; exit code 0 with no
/// finding, 1 with findings, 2 on bad arguments, 3 when an input hangs.
/// </remarks>
public static class Program
{
    private const int FindingsShown = 10;

    /// <summary>Runs the fuzzing.</summary>
    /// <param name="args">The options (see remarks).</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        FuzzOptions? options = FuzzOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: seed {options.Seed}, up to {options.Inputs:N0} inputs per reader{(options.Seconds is double s ? $" or {s} s" : string.Empty)}, {options.TimeoutSeconds} s per input at most; {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
        IReadOnlyList<LegalRequest> requests = Seeds.Requests(options.Seed, 150);
        IReadOnlyList<DecisionRecord> records = Seeds.Records(requests, options.Seed);
        var histories = records.Select(r => Seeds.History(r).Select(RequestEventJson.Write).ToArray()).ToList();
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        DisclosureEngine[] engines =
        [
            new(BuiltInRules.Policy, clock),
            new(PolicyJson.Read(Seeds.HostRules()).Value ?? throw new InvalidOperationException("the host example's rules do not read"), clock),
        ];

        int findings = 0;
        using var watchdog = new Watchdog(TimeSpan.FromSeconds(options.TimeoutSeconds));
        Console.WriteLine();
        Console.WriteLine("| reader | seeds | inputs | read cleanly | with problems | time (s) | inputs/s | slowest input (ms) | findings |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string reader in options.Readers)
        {
            int seed = options.Seed + Array.IndexOf(FuzzOptions.AllReaders, reader);
            ReaderTarget target = reader switch
            {
                "requests" => new RequestTarget(Seeds.RequestDocuments(requests), seed, engines),
                "rules" => new PolicyTarget(Seeds.Policies(seed), seed),
                "records" => new DecisionRecordTarget([.. records.Select(r => DecisionRecordJson.Write(r))], seed),
                "events" => new RequestEventTarget([.. histories.SelectMany(h => h)], seed),
                _ => new RecordFileTarget(histories, seed),
            };
            try
            {
                findings += Run(target, options, watchdog);
            }
            finally
            {
                (target as IDisposable)?.Dispose();
            }
        }

        Console.WriteLine();
        Console.WriteLine(findings == 0 ? "no finding" : $"{findings} finding(s)");
        return findings == 0 ? 0 : 1;
    }

    private static int Run(ReaderTarget target, FuzzOptions options, Watchdog watchdog)
    {
        target.CheckSeeds();
        var bound = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var findings = new List<string>();
        long inputs = 0;
        long clean = 0;
        TimeSpan slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        while (inputs < options.Inputs && (options.Seconds is not double seconds || clock.Elapsed.TotalSeconds < seconds))
        {
            FuzzInput input = target.Next();
            watchdog.Begin(target.Name, inputs, input);
            long started = Stopwatch.GetTimestamp();
            Verdict verdict;
            try
            {
                verdict = target.Check(input, inputs);
            }
            catch (Exception ex)
            {
                verdict = Verdict.Broken($"an exception escaped: {ex.GetType().Name}: {ex.Message} {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            watchdog.End();
            slowest = elapsed > slowest ? elapsed : slowest;
            if (verdict.Finding is null && elapsed > bound)
            {
                verdict = Verdict.Broken($"the input took {elapsed.TotalSeconds:0.0} s, over the bound of {bound.TotalSeconds} s");
            }

            if (verdict.Finding is not null)
            {
                Report(target.Name, inputs, input, verdict.Finding, findings, options.FindingsFolder);
            }

            clean += verdict.Clean ? 1 : 0;
            inputs++;
            if (inputs % 100_000 == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {target.Name}: {inputs:N0} inputs in {clock.Elapsed.TotalSeconds:0} s, {findings.Count} findings"));
            }
        }

        double total = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {target.Name} | {target.SeedCount} | {inputs:N0} | {clean:N0} | {inputs - clean:N0} | {total:0.0} | {inputs / total:N0} | {slowest.TotalMilliseconds:0} | {findings.Count} |"));
        foreach (string finding in findings.Take(FindingsShown))
        {
            Console.WriteLine(finding);
        }

        return findings.Count;
    }

    private static void Report(string reader, long index, FuzzInput input, string finding, List<string> findings, string? folder)
    {
        findings.Add($"FINDING ({reader}, input {index}): {finding}{Environment.NewLine}  input: {input.Describe()}");
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            string name = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{reader.Replace(' ', '-')}-{index}"));
            if (input.Bytes is not null)
            {
                File.WriteAllBytes(name + ".jsonl", input.Bytes);
            }
            else
            {
                File.WriteAllText(name + ".json", input.Text);
            }
        }
    }
}
