using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing.Internal;

namespace DisclosurePolicy.Testing;

/// <summary>
/// A declarative suite of <see cref="DecisionCase"/>s, read from a case file (<c>docs/case-format.md</c>, schema
/// <c>disclosure-cases/1</c>): run as a whole by <c>disclosure test</c>, or case by case from any test framework.
/// </summary>
/// <remarks>
/// <para>From a test framework, one test case per suite case, for example with xunit:
/// <c>public static IEnumerable&lt;object[]&gt; Cases =&gt; Suite.TestData;</c> and
/// <c>[Theory, MemberData(nameof(Cases))] public void Case(string name) =&gt; Suite.Verify(name);</c>
/// (NUnit's <c>TestCaseSource</c> and MSTest's <c>DynamicData</c> take the same <see cref="TestData"/>).</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class CaseSuite
{
    /// <summary>Initializes a new instance of the <see cref="CaseSuite"/> class.</summary>
    /// <param name="cases">The cases, with distinct names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A case is <see langword="null"/>, or two cases share a name.</exception>
    public CaseSuite(IEnumerable<DecisionCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        DecisionCase[] all = [.. cases];
        if (all.Any(c => c is null))
        {
            throw new ArgumentException("A case is null.", nameof(cases));
        }

        string[] repeated = [.. all.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'")];
        if (repeated.Length > 0)
        {
            throw new ArgumentException($"Case names must be distinct; repeated: {string.Join(", ", repeated)}.", nameof(cases));
        }

        Cases = Array.AsReadOnly(all);
    }

    /// <summary>Gets the cases, in file order.</summary>
    public IReadOnlyList<DecisionCase> Cases { get; }

    /// <summary>Gets one row per case holding its name, the shape xunit's <c>MemberData</c>, NUnit's <c>TestCaseSource</c>
    /// and MSTest's <c>DynamicData</c> take, so each case is its own test; pass the name to <see cref="Verify(string)"/>.</summary>
    public IEnumerable<object[]> TestData => Cases.Select(c => new object[] { c.Name });

    /// <summary>Reads a suite from the text of a case file.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The suite, or every problem with its path and value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ReadResult<CaseSuite> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CaseSuiteJson.Read(json);
    }

    /// <summary>Loads a suite from a case file, for use in a test class.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The suite.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="PolicyAssertionException">The file has problems; the message lists each with its path and value.</exception>
    public static CaseSuite Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ReadResult<CaseSuite> read = Read(File.ReadAllText(path));
        return read.Value ?? throw new PolicyAssertionException(
            $"The case file {path} has problems:{Environment.NewLine}{string.Join(Environment.NewLine, read.Problems.Problems.Select(p => $"  {p}"))}");
    }

    /// <summary>Builds a suite of regression tests from a comparison: one case per region where the versions differ, its
    /// example request expected to be decided as the right version decides it (outcome, items and every reason code).</summary>
    /// <param name="difference">The comparison of two versions.</param>
    /// <returns>The suite: it passes against the right version and fails against the left one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="difference"/> is <see langword="null"/>.</exception>
    public static CaseSuite FromDifference(VersionDifference difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var cases = new List<DecisionCase>(difference.Regions.Count);
        foreach ((DifferenceRegion region, int i) in difference.Regions.Select((r, i) => (r, i + 1)))
        {
            var request = Internal.RequestFacts.Of(region.Example) with { Id = $"{difference.Right.Id}-region-{i}" };
            Decision decision = KitEngines.Any.Evaluate(request.ToRequest(), difference.Right);
            cases.Add(new DecisionCase($"region {i}: {region.Description}", request.ToRequest(), difference.Right.Id, null, ExpectedDecision.Of(decision)));
        }

        return new CaseSuite(cases);
    }

    /// <summary>Writes the suite as a case file.</summary>
    /// <returns>The JSON text, ending with a line break.</returns>
    public string ToJson() => CaseSuiteJson.Write(Cases);

    /// <summary>Runs every case under the built-in policy.</summary>
    /// <returns>One result per case, in order.</returns>
    public IReadOnlyList<CaseResult> Run() => Run(BuiltInRules.Policy);

    /// <summary>Runs every case under a policy: each case's named version, or the version the policy selects for it.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>One result per case, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<CaseResult> Run(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. Cases.Select(c => Run(c, policy, null))];
    }

    /// <summary>Runs every case under one version, whatever version the case names: for example emitted regression cases
    /// against the version they were not written for.</summary>
    /// <param name="policy">The policy the engine holds (for the decision's context).</param>
    /// <param name="version">The version that decides every case.</param>
    /// <returns>One result per case, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public IReadOnlyList<CaseResult> Run(Policy policy, RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(version);
        return [.. Cases.Select(c => Run(c, policy, version))];
    }

    /// <summary>Runs one case under the built-in policy and fails the calling test if it does not pass.</summary>
    /// <param name="name">The case's name.</param>
    /// <returns>The case's decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No case has this name.</exception>
    /// <exception cref="PolicyAssertionException">The decision differs from the expectation.</exception>
    public Decision Verify(string name) => Verify(name, BuiltInRules.Policy);

    /// <summary>Runs one case under a policy and fails the calling test if it does not pass.</summary>
    /// <param name="name">The case's name.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The case's decision.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No case has this name.</exception>
    /// <exception cref="PolicyAssertionException">The decision differs from the expectation.</exception>
    public Decision Verify(string name, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(policy);
        DecisionCase @case = Cases.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"No case is named '{name}'.", nameof(name));
        CaseResult result = Run(@case, policy, null);
        return result.Passed ? result.Decision : throw new PolicyAssertionException(result.FailureMessage, @case.Request);
    }

    private static CaseResult Run(DecisionCase @case, Policy policy, RuleVersion? version)
    {
        DisclosureEngine engine = new(policy, new FixedClock(@case.DecisionInstant));
        Decision decision = version is not null ? engine.Evaluate(@case.Request, version)
            : @case.VersionId is string id ? engine.Evaluate(@case.Request, id)
            : engine.Evaluate(@case.Request);
        return new CaseResult(@case, decision, @case.Expected.Mismatches(decision));
    }
}
