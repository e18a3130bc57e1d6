namespace DisclosurePolicy.LoadTest;

/// <summary>Latencies of one kind of call, one list per client (no sharing while the run lasts), merged at the end.</summary>
internal sealed class Latencies(int clients)
{
    private readonly List<double>[] _perClient = [.. Enumerable.Range(0, clients).Select(_ => new List<double>(65536))];

    public void Add(int client, double milliseconds) => _perClient[client].Add(milliseconds);

    public Summary Summarize()
    {
        double[] all = [.. _perClient.SelectMany(l => l)];
        Array.Sort(all);
        return new Summary(all.Length, At(all, 0.50), At(all, 0.95), At(all, 0.99), all.Length == 0 ? 0 : all[^1]);
    }

    private static double At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    public sealed record Summary(int Count, double P50, double P95, double P99, double Max);
}
