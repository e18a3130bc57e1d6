using System.Diagnostics;
using System.Globalization;
using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using NodaTime;

namespace DisclosurePolicy.StoreBenchmark;

/// <summary>
/// Measures a record store with a million requests: the bulk import, single durable appends, and the transparency and
/// DSA reports built by the database, with the memory they take, at 100,000 requests and at the full count.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/DisclosurePolicy.StoreBenchmark -- sqlite PATH.db [REQUESTS]</c> or
/// <c>-- postgresql "Host=...;Database=...;Username=...;Password=..." [REQUESTS]</c>; the store must be empty. Prints a
/// Markdown table. <c>-- sqlite PATH.db reports</c> measures only the reports of a store filled before.
/// </remarks>
public static class Program
{
    private const int Single = 1_000;
    private const int Checkpoint = 100_000;
    private static string? PostgreSqlConnection;

    /// <summary>Runs the measurement.</summary>
    /// <param name="args">The store kind, its path or connection string, and the number of requests (1,000,000 by default).</param>
    /// <returns>0 on success, 2 on bad arguments.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 2 || args[0] is not ("sqlite" or "postgresql"))
        {
            await Console.Error.WriteLineAsync("usage: (sqlite PATH.db | postgresql CONNECTION-STRING) [REQUESTS]");
            return 2;
        }

        PostgreSqlConnection = args[0] == "postgresql" ? args[1] : null;
        IDecisionRecorder store = args[0] == "sqlite"
            ? await SqliteDecisionRecorder.OpenAsync(args[1])
            : await PostgreSqlDecisionRecorder.OpenAsync(args[1]);
        if (args.Length > 2 && args[2] == "reports")
        {
            // The reports only, on a store filled before.
            Console.WriteLine("| measure | requests stored | result |");
            Console.WriteLine("|---|---|---|");
            await ReportsAsync(store, (int)await store.CountAsync());
            return 0;
        }

        int requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        if (await store.CountAsync() != 0)
        {
            await Console.Error.WriteLineAsync("the store must be empty");
            return 2;
        }

        Console.WriteLine($"store: {args[0]}; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine("| measure | requests stored | result |");
        Console.WriteLine("|---|---|---|");

        int first = Math.Min(Checkpoint, requests);
        await BulkAsync(store, Histories.Generate("B", first, seed: 1), first, 0);
        await ReportsAsync(store, first);
        if (requests > first)
        {
            await BulkAsync(store, Histories.Generate("C", requests - first, seed: 1_000), requests - first, first);
            await ReportsAsync(store, requests);
        }

        await SingleAsync(store, requests);
        (store as IDisposable)?.Dispose();
        return 0;
    }

    private static async Task BulkAsync(IDecisionRecorder store, IAsyncEnumerable<RequestHistory> histories, int count, int before)
    {
        var clock = Stopwatch.StartNew();
        ImportSummary summary = await store.ImportAsync(histories);
        double seconds = clock.Elapsed.TotalSeconds;
        Row("bulk import (ImportAsync, generation included)", before + count,
            $"{count:N0} requests, {summary.RecordedEvents:N0} events in {seconds:F1} s: {count / seconds:N0} requests/s, {summary.RecordedEvents / seconds:N0} events/s");
    }

    private static async Task ReportsAsync(IDecisionRecorder store, int stored)
    {
        if (PostgreSqlConnection is string connectionString)
        {
            // What autovacuum does in production soon after a bulk load: statistics and the visibility map that index-only scans need.
            await using var vacuum = new Npgsql.NpgsqlConnection(connectionString);
            await vacuum.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("VACUUM (ANALYZE) dp_request, dp_disclosed_account", vacuum);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        ReportingSchedule schedule = ReportingSchedule.VersionCadence(DateTimeZone.Utc);
        ReportingSchedule dsaSchedule = ReportingSchedule.SemiAnnual(DateTimeZoneProviders.Tzdb["Europe/Brussels"]);
        await store.BuildTransparencyReportAsync(schedule, null); // warm-up: plans and caches
        (double median, double best, double cpu, long allocated, int rows) = await MeasureAsync(async () => (await store.BuildTransparencyReportAsync(schedule, null)).Rows.Count);
        Row("transparency report, by version cadence (median of 5)", stored, $"{median * 1000:N0} ms (best {best * 1000:N0} ms; this process's CPU {cpu * 1000:N0} ms), {rows} rows, {allocated / 1024.0:N0} KiB allocated");
        (median, best, cpu, allocated, rows) = await MeasureAsync(async () => (await store.BuildDsaOrderReportAsync(dsaSchedule, null)).Rows.Count);
        Row("DSA Art. 15(1)(a) report, half-years in Europe/Brussels (median of 5)", stored, $"{median * 1000:N0} ms (best {best * 1000:N0} ms; this process's CPU {cpu * 1000:N0} ms), {rows} rows, {allocated / 1024.0:N0} KiB allocated");
        Row("process working set after the reports", stored, $"{Environment.WorkingSet / 1024.0 / 1024.0:N0} MiB (managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:N0} MiB)");
    }

    // Wall time, and the CPU time of this process (all of it for SQLite, which runs in the process; only the client's part
    // for PostgreSQL): on a shared machine the CPU time shows what the report costs when the wall time is mostly waiting.
    private static async Task<(double Median, double Best, double Cpu, long Allocated, int Rows)> MeasureAsync(Func<Task<int>> report)
    {
        var times = new List<double>();
        var cpus = new List<double>();
        long allocated = 0;
        int rows = 0;
        for (int i = 0; i < 5; i++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            rows = await report();
            times.Add(clock.Elapsed.TotalSeconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        times.Sort();
        cpus.Sort();
        return (times[2], times[0], cpus[2], allocated, rows);
    }

    private static async Task SingleAsync(IDecisionRecorder store, int stored)
    {
        var records = new List<RequestHistory>();
        await foreach (RequestHistory history in Histories.Generate("S", Single, seed: 99))
        {
            records.Add(history);
        }

        var clock = Stopwatch.StartNew();
        foreach (RequestHistory history in records)
        {
            await store.RecordAsync(history.Decision);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        Row("single decision, one durable commit each (RecordAsync)", stored, $"{Single:N0} in {seconds:F2} s: {seconds / Single * 1000:F2} ms each, {Single / seconds:N0}/s");
        RequestEvent[] events = [.. records.SelectMany(h => h.Events.Skip(1))];
        clock.Restart();
        foreach (RequestEvent e in events)
        {
            await store.AppendAsync(e);
        }

        seconds = clock.Elapsed.TotalSeconds;
        Row("single event (acknowledged, disclosed, closed), checked against the stored history (AppendAsync)", stored + Single, $"{events.Length:N0} in {seconds:F2} s: {seconds / events.Length * 1000:F2} ms each, {events.Length / seconds:N0}/s");
    }

    private static void Row(string measure, int stored, string result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {measure} | {stored:N0} | {result} |"));
}
