using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Packaging;
using Xunit;

namespace DisclosurePolicy.Tests.Docs;

/// <summary>The README's "Testing your own rules" example, compiled and checked against the worked example's rules.</summary>
public class TestingReadmeExampleTests
{
    private static readonly string Root = PackageTests.RepositoryRoot();
    private static readonly string Example = Path.Combine(Root, "samples", "DisclosurePolicy.HostExample.Tests");

    [Fact]
    public void ReadmeExample_TestingYourOwnRules_BehavesAsDescribed()
    {
        Policy hostPolicy = PolicyJson.Read(File.ReadAllText(Path.Combine(Example, "rules", "host-8.3.json"))).Value!;
        RuleVersion variant = hostPolicy.FindVersion("V2-DE")!;
        PolicyAssert.IsAtMostAsPermissive(variant, BuiltInRules.V2);
        PolicyAssert.NeverPermits(variant, Condition.DataCategoryIs(DataCategory.CloudMessageContent, DataCategory.SecretChatContent));
        PolicyAssert.NeverPermits(variant, Condition.ProceedingIs(ProceedingKind.Civil));
        PolicyAssert.AreEquivalent(variant, BuiltInRules.V2, Condition.OffenceIsAnyOf(OffenceCategory.Terrorism));

        RequestScope germany = RequestScope.Everything.WithCountries("DE");
        var valid = RequestGenerators.Valid(germany, variant);
        var misses = RequestGenerators.NearMisses(variant, germany);
        Assert.NotNull(valid.Generator);
        Assert.NotNull(misses.Generator);

        // The README loads the file relative to the host's test output; here it is read where the worked example keeps it.
        CaseSuite suite = CaseSuite.Load(Path.Combine(Example, "cases/v2-de.cases.json"));
        Assert.All(suite.Cases, c => suite.Verify(c.Name, hostPolicy));
        RuleCoverage coverage = RuleCoverage.Of(hostPolicy, suite.Run(hostPolicy));
        Assert.Contains("8.3-2024-de/offences", coverage.Versions.Single(v => v.VersionId == "V2-DE").Fired);
    }

    [Fact]
    public void ReadmeExample_FailureMessage_IsWhatTheKitWrites()
    {
        var error = Assert.Throws<PolicyAssertionException>(() => PolicyAssert.IsAtMostAsPermissive(BuiltInRules.V1, BuiltInRules.V2));
        string readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        string[] lines = error.Message.ReplaceLineEndings("\n").Split('\n');

        Assert.Contains(lines[0], readme, StringComparison.Ordinal);
        Assert.Contains(lines.Single(l => l.StartsWith("Decision under V1:", StringComparison.Ordinal)), readme, StringComparison.Ordinal);
        Assert.Contains(lines.Single(l => l.StartsWith("Decision under V2:", StringComparison.Ordinal)), readme, StringComparison.Ordinal);
        Assert.Contains(lines.Single(l => l.StartsWith("    V2: ", StringComparison.Ordinal)).Split("): ")[0], readme, StringComparison.Ordinal);
        Assert.Contains(lines.Single(l => l.StartsWith("    V1: ", StringComparison.Ordinal)).Split("): ")[0], readme, StringComparison.Ordinal);
    }
}
