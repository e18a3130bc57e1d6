using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace DisclosurePolicy.LoadTest;

/// <summary>One run: the service on loopback, the clients for the run's duration, then the count of the store.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        string run = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        string directory = Directory.CreateTempSubdirectory("disclosure-load-").FullName;
        string intakeKey = $"intake-{run}-{Guid.NewGuid():N}";
        string legalKey = $"legal-{run}-{Guid.NewGuid():N}";
        try
        {
            await using ServiceHost host = await ServiceHost.StartAsync(options, directory, intakeKey, legalKey);
            output.WriteLine($"Service on {host.Address} ({options.Store}, {options.WritePath} writes); {options.Clients} clients, {(options.Rate == 0 ? "unpaced" : $"{options.Rate} submissions/s aimed at")}, {options.DurationSeconds} s.");

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var intake = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
            using var legal = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
            intake.DefaultRequestHeaders.Add("X-Api-Key", intakeKey);
            legal.DefaultRequestHeaders.Add("X-Api-Key", legalKey);

            // Warm-up, not measured: JIT, connection pool, the store's first statements. Its requests are counted with the rest.
            var warmUp = new Clients(options, run + "w", intake, legal);
            await warmUp.RunAsync(TimeSpan.FromSeconds(Math.Min(3, options.DurationSeconds)), paced: false);

            var clients = new Clients(options, run, intake, legal);
            var clock = Stopwatch.StartNew();
            await clients.RunAsync(TimeSpan.FromSeconds(options.DurationSeconds), paced: options.Rate > 0);
            double seconds = clock.Elapsed.TotalSeconds;

            // Stopping is graceful: the host finishes what is in flight, the writer drains its queue.
            await host.StopAsync();
            StoreCount count = await host.CountAsync(run, [warmUp, clients]);

            Latencies.Summary submit = clients.Submissions.Summarize();
            Latencies.Summary disclose = clients.Disclosures.Summarize();
            double throughput = submit.Count / seconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Submitted: {submit.Count} in {seconds:F1} s = {throughput:F0}/s; latency ms p50 {submit.P50:F1}, p95 {submit.P95:F1}, p99 {submit.P99:F1}, max {submit.Max:F1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Disclosed: {disclose.Count} = {disclose.Count / seconds:F0}/s; latency ms p50 {disclose.P50:F1}, p95 {disclose.P95:F1}, p99 {disclose.P99:F1}, max {disclose.Max:F1}"));
            output.WriteLine($"Errors: {clients.Errors + warmUp.Errors}{(clients.FirstError is null ? string.Empty : $" (first: {clients.FirstError})")}");
            output.WriteLine($"Store afterwards: {count.Requests} request(s) for {count.Expected} accepted; missing {count.Missing}, duplicated {count.Duplicated}, without their disclosure {count.WithoutDisclosure}");

            bool correct = clients.Errors + warmUp.Errors == 0 && count.Missing == 0 && count.Duplicated == 0 && count.WithoutDisclosure == 0 && count.Requests == count.Expected;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Targets: >= 1000 submissions/s {(throughput >= 1000 ? "met" : "MISSED")}; p99 <= 50 ms {(submit.P99 <= 50 ? "met" : "MISSED")}; zero errors, nothing lost or duplicated {(correct ? "met" : "MISSED")}"));
            return correct ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
