using System.Diagnostics;
using System.Net;
using System.Text;

namespace DisclosurePolicy.LoadTest;

/// <summary>The concurrent clients: each submits a generated request, then records its disclosure, paced so that together
/// they aim at the configured rate (a late client sends at once, and its wait counts in nothing: latency is measured
/// from the send).</summary>
internal sealed class Clients(LoadOptions options, string run, HttpClient intake, HttpClient legal)
{
    private int _errors;

    public Latencies Submissions { get; } = new(options.Clients);

    public Latencies Disclosures { get; } = new(options.Clients);

    public int Errors => _errors;

    public string? FirstError { get; private set; }

    /// <summary>The ids each client had accepted (201), with whether its disclosure was accepted too.</summary>
    public List<(string Id, bool Disclosed)>[] Accepted { get; } = [.. Enumerable.Range(0, options.Clients).Select(_ => new List<(string, bool)>())];

    public async Task RunAsync(TimeSpan duration, bool paced)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(() => ClientAsync(c, deadline, paced))));
    }

    private async Task ClientAsync(int client, long deadline, bool paced)
    {
        double interval = paced ? (double)options.Clients / options.Rate * Stopwatch.Frequency : 0;
        long start = Stopwatch.GetTimestamp() + (long)(interval * client / options.Clients);
        for (int sequence = 0; ; sequence++)
        {
            long due = start + (long)(interval * sequence);
            long now = Stopwatch.GetTimestamp();
            if (due > now)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)(due - now) / Stopwatch.Frequency));
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return;
            }

            string id = GeneratedRequests.Id(run, client, sequence);
            long sent = Stopwatch.GetTimestamp();
            using HttpResponseMessage submitted = await Send(intake, "/requests", GeneratedRequests.Request(id, client, sequence));
            Submissions.Add(client, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (!await Expect(submitted, HttpStatusCode.Created, id))
            {
                continue;
            }

            sent = Stopwatch.GetTimestamp();
            using HttpResponseMessage disclosed = await Send(legal, $"/requests/{id}/disclosures", GeneratedRequests.Disclosure(DateTimeOffset.UtcNow, client, sequence));
            Disclosures.Add(client, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            Accepted[client].Add((id, await Expect(disclosed, HttpStatusCode.Created, id)));
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<bool> Expect(HttpResponseMessage response, HttpStatusCode expected, string id)
    {
        if (response.StatusCode == expected)
        {
            return true;
        }

        if (Interlocked.Increment(ref _errors) == 1)
        {
            FirstError = $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        return false;
    }
}
