using System.Collections.Concurrent;
using System.Globalization;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Shared;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DisclosurePolicy.Tests.Soak;

/// <summary>
/// The soak of issue 17: threads evaluate while the rules reload through DI (valid and invalid rules in turn) and writers
/// append every decision to every store at once; afterwards no decision may be mixed (each equals the decision of exactly
/// the rules of one loaded version, and its record names that version's hash) and no record may be lost or duplicated.
/// </summary>
/// <remarks>Bounded by work, not by time: the number of reloads, the evaluations between them and the records are fixed (times the
/// <c>DISCLOSUREPOLICY_SOAK_SCALE</c> environment variable, 1 by default, for a longer run by hand), so a slow machine
/// makes it slower, never red; a generous bound only stops a thread that hangs.</remarks>
public sealed class ReloadAndRecordSoakTests(ITestOutputHelper output) : IDisposable
{
    private const int Evaluators = 4;
    private const int Writers = 2;
    private const int EvaluationsBetweenReloads = 25;
    private const int RecordsPerScale = 600;
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 3, 31, 12, 0));
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(3);

    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-soak-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Soak_EvaluatorsWhileRulesReloadAndWritersAppendToEveryStore_NoMixedDecisionAndNoLostOrDuplicatedRecord()
    {
        int scale = int.TryParse(Environment.GetEnvironmentVariable("DISCLOSUREPOLICY_SOAK_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 1;
        RuleSetCase[] cycle = RuleSetCase.Cycle();
        RuleSetCase[] valid = [.. cycle.Where(c => c.Engine is not null).DistinctBy(c => c.Name)];
        LegalRequest[] templates = Templates();
        AssertTheRuleSetsDecideApart(valid, templates);

        await using StoreSet stores = await StoreSet.OpenAsync(_directory);
        var configuration = new SwitchableConfiguration();
        configuration.Switch(cycle[0].Json);
        IConfigurationRoot root = new ConfigurationBuilder().Add(configuration).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddOptions<DisclosurePolicyOptions>().Bind(root.GetSection("DisclosurePolicy"));
        services.AddDisclosurePolicy();
        await using ServiceProvider provider = services.BuildServiceProvider();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        RuleReloadStatus status = provider.GetRequiredService<RuleReloadStatus>();

        var wrong = new ConcurrentQueue<string>();
        var toRecord = new BlockingCollection<DecisionRecord>();
        long[] evaluations = new long[Evaluators];
        long queued = 0;
        var decidedBy = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();

        void Evaluate(int thread)
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                LegalRequest request = Some.With(templates[i % templates.Length], id: string.Create(CultureInfo.InvariantCulture, $"SOAK-{thread}-{i:D7}"));

                try
                {
                    // As a host records a decision (README): decided and pinned to the version that decided, in one call.
                    DecisionRecord record = DecisionRecord.Decide(engine, request, request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
                    Decision decided = record.Decision;
                    string? from = valid.FirstOrDefault(c => c.Engine!.Evaluate(request).Equals(decided))?.Name;
                    if (from is null)
                    {
                        wrong.Enqueue($"{request.Id}: decided by no loaded rule set alone: {decided.Explain()}");
                    }
                    else
                    {
                        decidedBy.AddOrUpdate(from, 1, (_, n) => n + 1);
                    }

                    if (!valid.Any(c => c.Pins(record, request)))
                    {
                        wrong.Enqueue($"{request.Id}: recorded under {record.VersionId} {record.VersionContentHash}, a version whose rules do not decide it so");
                    }

                    // Every third decision is recorded, up to a fixed number: the writers' work is bounded as the reloads are.
                    if (i % 3 == 0 && Interlocked.Increment(ref queued) <= RecordsPerScale * scale)
                    {
                        toRecord.Add(record);
                    }
                }
                catch (ArgumentException ex)
                {
                    wrong.Enqueue($"{request.Id}: cannot be recorded: {ex.Message}");
                }

                Interlocked.Increment(ref evaluations[thread]);
            }
        }

        var submitted = new ConcurrentDictionary<string, DecisionRecord>(StringComparer.Ordinal);
        long repeats = 0;
        async Task WriteAsync(int writer)
        {
            int n = 0;
            foreach (DecisionRecord record in toRecord.GetConsumingEnumerable())
            {
                // Every record goes to every store; one in ten is appended a second time, which must change nothing.
                bool again = n++ % 10 == writer;
                submitted[record.RequestId] = record;
                Interlocked.Add(ref repeats, again ? 1 : 0);
                foreach (IDecisionRecorder store in stores.All)
                {
                    Assert.Equal(RecordOutcome.Recorded, await store.RecordAsync(record));
                    if (again)
                    {
                        Assert.Equal(RecordOutcome.AlreadyRecorded, await store.RecordAsync(record));
                    }
                }
            }
        }

        Thread[] threads = [.. Enumerable.Range(0, Evaluators).Select(t => new Thread(() => Evaluate(t)) { IsBackground = true })];
        Task[] writers = [.. Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w)))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        int reloads = 4 * cycle.Length * scale;
        try
        {
            for (int reload = 1; reload <= reloads; reload++)
            {
                long[] before = [.. Enumerable.Range(0, Evaluators).Select(t => Interlocked.Read(ref evaluations[t]))];
                configuration.Switch(cycle[reload % cycle.Length].Json);

                // Counted in evaluations, not time: a loaded machine makes the soak slower, never red.
                bool progressed = SpinWait.SpinUntil(
                    () => Enumerable.Range(0, Evaluators).All(t => Interlocked.Read(ref evaluations[t]) >= before[t] + EvaluationsBetweenReloads)
                        && writers.All(w => !w.IsCompleted),
                    HangBound);
                Assert.True(progressed, $"after reload {reload}: an evaluating thread hung or a writer stopped ({string.Join("; ", writers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!.Message))})");
            }
        }
        finally
        {
            stop.Cancel();
            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            toRecord.CompleteAdding();
        }

        await Task.WhenAll(writers);
        output.WriteLine($"{reloads} reloads ({status.Accepted} accepted, {status.RefusedCount} refused), {evaluations.Sum()} decisions " +
            $"({string.Join(", ", decidedBy.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} by {p.Key}"))}), " +
            $"{submitted.Count} records to {stores.All.Count} stores ({string.Join(", ", stores.Names)}), {repeats} appended twice");

        Assert.Empty(wrong);
        Assert.All(valid, c => Assert.True(decidedBy.ContainsKey(c.Name), $"no decision was made by {c.Name}: the reloads did not take"));
        Assert.True(status.RefusedCount >= reloads / 2, $"{status.RefusedCount} refused reloads");
        Assert.False(submitted.IsEmpty);
        await stores.AssertHoldExactlyAsync(submitted.Values);
    }

    private static LegalRequest[] Templates()
    {
        LegalRequest permitted = Some.With(Some.V2Permitted(), authority: IssuingAuthorityKind.Court);
        return
        [
            permitted,
            Some.With(permitted, jurisdiction: "BY"),
            Some.With(permitted, jurisdiction: "RU"),
            Some.With(permitted, authority: IssuingAuthorityKind.PublicProsecutor),
            Some.With(permitted, data: [DataCategory.PhoneNumber]),
            Some.With(permitted, subjects: []),
        ];
    }

    // Each pair of rule sets decides some template differently, so a decision from the wrong one cannot pass unseen.
    private static void AssertTheRuleSetsDecideApart(RuleSetCase[] valid, LegalRequest[] templates)
    {
        for (int a = 0; a < valid.Length; a++)
        {
            for (int b = a + 1; b < valid.Length; b++)
            {
                Assert.True(
                    templates.Any(t => valid[a].Engine!.Evaluate(t).Outcome != valid[b].Engine!.Evaluate(t).Outcome),
                    $"{valid[a].Name} and {valid[b].Name} decide every template alike: {string.Join(", ", templates.Select(t => valid[a].Engine!.Evaluate(t).Outcome))}");
            }
        }
    }

    /// <summary>One configuration of the cycle: its JSON, and for a valid one the engine of exactly its rules.</summary>
    private sealed class RuleSetCase(string name, string json, Policy? policy)
    {
        public string Name { get; } = name;

        public string Json { get; } = json;

        public DisclosureEngine? Engine { get; } = policy is null ? null : new DisclosureEngine(policy, Clock, DateTimeZone.Utc);

        /// <summary>Whether a record names a version of these rules, by id and hash, that decides its request as recorded.</summary>
        public bool Pins(DecisionRecord record, LegalRequest request)
        {
            if (Engine is null || !Engine.Evaluate(request).Equals(record.Decision))
            {
                return false;
            }

            RuleVersion? version = Engine.Policy.FindVersion(record.VersionId);
            return version is null ? record.VersionContentHash is null : version.ContentHash == record.VersionContentHash;
        }

        /// <summary>Valid and invalid rules in turn: the built-in rules, a host's rules, and the host's rules edited under the
        /// same version id (so only the hash tells the two apart).</summary>
        public static RuleSetCase[] Cycle()
        {
            string acme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "acme-rules.json"));
            string edited = acme
                .Replace("\"jurisdictions\": [ \"RU\" ]", "\"jurisdictions\": [ \"RU\", \"BY\" ]", StringComparison.Ordinal)
                .Replace("\"categories\": [ \"IpAddress\" ]", "\"categories\": [ \"IpAddress\", \"PhoneNumber\" ]", StringComparison.Ordinal);
            string brokenRules = acme.Replace("\"effect\": \"Permit\"", "\"effect\": \"Maybe\"", StringComparison.Ordinal);
            const string BrokenZone = """{ "DisclosurePolicy": { "TimeZone": "Mars/Olympus" } }""";
            return
            [
                new("built-in", """{ "DisclosurePolicy": { "TimeZone": "UTC" } }""", BuiltInRules.Policy),
                new("invalid zone", BrokenZone, null),
                new("acme", acme, Read(acme)),
                new("invalid rules", brokenRules, null),
                new("acme edited", edited, Read(edited)),
                new("invalid zone", BrokenZone, null),
            ];
        }

        private static Policy Read(string configurationJson)
        {
            string rules = System.Text.Json.Nodes.JsonNode.Parse(configurationJson)!["DisclosurePolicy"]!["Rules"]!.ToJsonString();
            ReadResult<Policy> read = PolicyJson.Read(rules);
            Assert.True(read.IsValid, string.Join("; ", read.Problems.Problems));
            return read.Value;
        }
    }

    /// <summary>Every store at once: in memory, a JSON Lines file, SQLite, and PostgreSQL when its server is configured as
    /// for the store tests.</summary>
    private sealed class StoreSet : IAsyncDisposable
    {
        private readonly string _jsonLinesPath;
        private readonly string? _postgreSqlSchema;
        private JsonLinesDecisionRecorder? _jsonLines;

        private StoreSet(List<(string Name, IDecisionRecorder Store)> stores, string jsonLinesPath, JsonLinesDecisionRecorder jsonLines, string? postgreSqlSchema)
        {
            Stores = stores;
            _jsonLinesPath = jsonLinesPath;
            _jsonLines = jsonLines;
            _postgreSqlSchema = postgreSqlSchema;
        }

        public List<(string Name, IDecisionRecorder Store)> Stores { get; }

        public IReadOnlyList<IDecisionRecorder> All => [.. Stores.Select(s => s.Store)];

        public IEnumerable<string> Names => Stores.Select(s => s.Name);

        public static async Task<StoreSet> OpenAsync(string directory)
        {
            string jsonLinesPath = Path.Combine(directory, "records.jsonl");
            JsonLinesDecisionRecorder jsonLines = JsonLinesDecisionRecorder.Open(jsonLinesPath);
            var stores = new List<(string, IDecisionRecorder)>
            {
                ("in memory", new InMemoryDecisionRecorder()),
                ("JSON Lines", jsonLines),
                ("SQLite", await SqliteDecisionRecorder.OpenAsync(Path.Combine(directory, "records.db"))),
            };
            string? schema = null;
            if (PostgreSqlServer.SkipReason is null)
            {
                schema = await PostgreSqlServer.CreateSchemaAsync();
                stores.Add(("PostgreSQL", await PostgreSqlDecisionRecorder.OpenAsync(schema)));
            }

            return new StoreSet(stores, jsonLinesPath, jsonLines, schema);
        }

        /// <summary>Each store holds every record once, equal to the one appended; the JSON Lines file, read again from
        /// disk, too.</summary>
        public async Task AssertHoldExactlyAsync(ICollection<DecisionRecord> submitted)
        {
            foreach ((string name, IDecisionRecorder store) in Stores)
            {
                Assert.True(submitted.Count == await store.CountAsync(), $"{name}: {await store.CountAsync()} records stored, {submitted.Count} appended");
                foreach (DecisionRecord record in submitted)
                {
                    Assert.True(record.Equals(await store.FindAsync(record.RequestId)), $"{name}: the record of {record.RequestId} is missing or differs");
                }
            }

            _jsonLines!.Dispose();
            _jsonLines = null;
            RecordFileContents file = JsonLinesDecisionRecorder.ReadAll(_jsonLinesPath);
            Assert.Empty(file.Problems);
            Assert.Equal(submitted.Count, file.Records.Count);
            Assert.Equal(submitted.Count, file.Records.Select(r => r.RequestId).Distinct(StringComparer.Ordinal).Count());
        }

        public async ValueTask DisposeAsync()
        {
            foreach ((_, IDecisionRecorder store) in Stores)
            {
                switch (store)
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }

            if (_postgreSqlSchema is not null)
            {
                await PostgreSqlServer.DropSchemaAsync(_postgreSqlSchema);
            }
        }
    }
}
