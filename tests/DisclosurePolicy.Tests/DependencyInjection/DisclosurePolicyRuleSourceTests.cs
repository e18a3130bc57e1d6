using System.Collections.Concurrent;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.DependencyInjection;

public sealed class DisclosurePolicyRuleSourceTests : IDisposable
{
    // Late on 31 March in UTC is already 1 April in Tokyo: the time zone moves a disclosure into another report quarter.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 3, 31, 23, 30));

    private const string OldRules = """{ "DisclosurePolicy": { "TimeZone": "UTC" } }""";

    private const string NewRules = """
        {
          "DisclosurePolicy": {
            "TimeZone": "Asia/Tokyo",
            "Overlays": [ { "Id": "fr-prosecutors", "Kind": "ProsecutorsAsJudicial", "Countries": [ "FR" ], "DataCategories": [ "IpAddress" ] } ]
          }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("disclosure-reload-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Start_OptionsValidatedThenInstalled_CompiledOnce()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddSingleton<IClock>(Clock)
            .AddDisclosurePolicy(o => o.TimeZone = "Europe/Berlin")
            .BuildServiceProvider();
        DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
        DisclosurePolicyOptions options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DisclosurePolicyOptions>>().CurrentValue;

        // The validator compiled the options instance; the rule source took that rule set rather than compiling again.
        RuleSet? cached = provider.GetRequiredService<CompiledRuleSets>().Compile(options, []);

        Assert.NotNull(cached);
        Assert.Same(cached, provider.GetRequiredService<DisclosurePolicyRuleSource>().Rules.Current);
        Assert.Same(cached.Policy, engine.Policy);
    }

    [Fact]
    public void Reload_WhileFourThreadsEvaluate_EveryDecisionIsWhollyOldOrWhollyNew()
    {
        LegalRequest[] requests =
        [
            Some.V2Permitted("court"),
            Some.With(Some.V2Permitted("prosecutor"), authority: IssuingAuthorityKind.PublicProsecutor),
            Some.With(Some.V2Permitted("police"), authority: IssuingAuthorityKind.PoliceOrLawEnforcementAgency),
        ];
        var oldEngine = new DisclosureEngine(BuiltInRules.Policy, Clock, DateTimeZone.Utc);
        Policy newPolicy = JurisdictionOverlay.ProsecutorsAsJudicial("fr-prosecutors", ["FR"], [DataCategory.IpAddress]).ApplyTo(BuiltInRules.Policy);
        var newEngine = new DisclosureEngine(newPolicy, Clock, DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);
        Decision[] expectedOld = [.. requests.Select(oldEngine.Evaluate)];
        Decision[] expectedNew = [.. requests.Select(newEngine.Evaluate)];

        // A mix of the two rule sets (new policy, old zone) would give a decision equal to neither, so it would be caught.
        var mixed = new DisclosureEngine(newPolicy, Clock, DateTimeZone.Utc);
        Assert.NotEqual(expectedOld[1], mixed.Evaluate(requests[1]));
        Assert.NotEqual(expectedNew[1], mixed.Evaluate(requests[1]));
        Assert.NotEqual(expectedOld[0], expectedNew[0]);
        Assert.NotEqual(expectedOld[1].Outcome, expectedNew[1].Outcome);

        (IConfigurationRoot configuration, ServiceProvider provider) = Host(OldRules);
        using (provider)
        {
            DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
            const int Threads = 4;
            long[] evaluations = new long[Threads];
            long sawOld = 0;
            long sawNew = 0;
            var wrong = new ConcurrentQueue<string>();
            using var stop = new CancellationTokenSource();

            void Evaluate(int thread)
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    int r = i % requests.Length;
                    Decision d = engine.Evaluate(requests[r]);
                    DecisionOutcome outcome = engine.Decide(requests[r]);
                    if (d.Equals(expectedOld[r]))
                    {
                        Interlocked.Increment(ref sawOld);
                    }
                    else if (d.Equals(expectedNew[r]))
                    {
                        Interlocked.Increment(ref sawNew);
                    }
                    else
                    {
                        wrong.Enqueue($"{requests[r].Id}: {d.Explain()}");
                    }

                    if (outcome != expectedOld[r].Outcome && outcome != expectedNew[r].Outcome)
                    {
                        wrong.Enqueue($"{requests[r].Id}: Decide gave {outcome}");
                    }

                    Interlocked.Increment(ref evaluations[thread]);
                }
            }

            Thread[] threads = [.. Enumerable.Range(0, Threads).Select(t => new Thread(() => Evaluate(t)) { IsBackground = true })];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            try
            {
                for (int reload = 1; reload <= 20; reload++)
                {
                    long[] before = [.. Enumerable.Range(0, Threads).Select(t => Interlocked.Read(ref evaluations[t]))];
                    Rewrite(reload % 2 == 1 ? NewRules : OldRules);
                    configuration.Reload();

                    // Let every thread evaluate a while under each rule set before the next reload. The wait is counted in
                    // evaluations, not time, so a loaded machine makes the test slower, never red: the bound only stops a
                    // thread that hangs, and is far beyond any load (an evaluation takes microseconds).
                    bool progressed = SpinWait.SpinUntil(
                        () => Enumerable.Range(0, Threads).All(t => Interlocked.Read(ref evaluations[t]) >= before[t] + 30),
                        TimeSpan.FromMinutes(2));
                    Assert.True(progressed, "An evaluating thread hung.");
                }
            }
            finally
            {
                stop.Cancel();
                foreach (Thread thread in threads)
                {
                    thread.Join();
                }
            }

            Assert.Empty(wrong);
            Assert.True(sawOld > 0 && sawNew > 0, $"old: {sawOld}, new: {sawNew}");
            Assert.Equal(expectedOld, requests.Select(engine.Evaluate));
        }
    }

    [Fact]
    public void Reload_InvalidOptions_AreRefusedQuietlyReportedAndTheLastValidRulesStay()
    {
        (IConfigurationRoot configuration, ServiceProvider provider) = Host(NewRules);
        using (provider)
        {
            DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
            RuleReloadStatus status = provider.GetRequiredService<RuleReloadStatus>();
            var reported = new List<ValidationResult>();
            status.Refused += (_, problems) => reported.Add(problems);
            Policy valid = engine.Policy;

            Rewrite("""{ "DisclosurePolicy": { "TimeZone": "Mars/Olympus" } }""");
            Exception? thrown = Record.Exception(configuration.Reload);
            Exception? read = Record.Exception(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DisclosurePolicyOptions>>().CurrentValue);

            Assert.Null(thrown);
            Assert.Null(read);
            Assert.Same(valid, engine.Policy);
            Assert.Equal("Asia/Tokyo", engine.Zone.Id);
            // A file source notifies twice for one reload (its own reload, then the root's), so each notice is refused.
            Assert.NotEmpty(reported);
            Assert.Equal(reported.Count, status.RefusedCount);
            ValidationProblem problem = Assert.Single(reported[^1].Problems);
            Assert.Equal("TimeZone", problem.Path);
            Assert.Equal("Mars/Olympus", problem.Value);
            Assert.Same(reported[^1], status.LastRefusal);

            Rewrite(OldRules);
            configuration.Reload();

            Assert.Same(BuiltInRules.Policy, engine.Policy);
            Assert.Equal(DateTimeZone.Utc, engine.Zone);
            Assert.Null(status.LastRefusal);
            Assert.True(status.Accepted > 0);
        }
    }

    [Fact]
    public void Reload_RefusedHandlerThrows_TheReloadIsStillRefusedQuietly()
    {
        (IConfigurationRoot configuration, ServiceProvider provider) = Host(OldRules);
        using (provider)
        {
            DisclosureEngine engine = provider.GetRequiredService<DisclosureEngine>();
            RuleReloadStatus status = provider.GetRequiredService<RuleReloadStatus>();
            status.Refused += (_, _) => throw new InvalidOperationException("a failing log sink");

            Rewrite("""{ "DisclosurePolicy": { "TimeZone": "Mars/Olympus" } }""");

            Assert.Null(Record.Exception(configuration.Reload));
            Assert.Equal(DateTimeZone.Utc, engine.Zone);
            Assert.NotNull(status.LastRefusal);
        }
    }

    [Fact]
    public void Start_InvalidOptions_StillFailsWithEveryProblem()
    {
        (_, ServiceProvider provider) = Host("""{ "DisclosurePolicy": { "TimeZone": "Mars/Olympus" } }""");
        using (provider)
        {
            var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<DisclosureEngine>());

            Assert.Contains("Mars/Olympus", refused.Message, StringComparison.Ordinal);
        }
    }

    private string File => Path.Combine(_directory, "appsettings.json");

    private void Rewrite(string json) => System.IO.File.WriteAllText(File, json);

    private (IConfigurationRoot Configuration, ServiceProvider Provider) Host(string json)
    {
        Rewrite(json);
        IConfigurationRoot configuration = new ConfigurationBuilder().AddJsonFile(File, optional: false, reloadOnChange: false).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddOptions<DisclosurePolicyOptions>().Bind(configuration.GetSection("DisclosurePolicy"));
        services.AddDisclosurePolicy();
        return (configuration, services.BuildServiceProvider());
    }
}
