using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Docs;

/// <summary>The README's "Comparing rule versions" example, compiled and checked, so the documentation cannot drift.</summary>
public class ComparisonReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_ComparingRuleVersions_BehavesAsDescribed()
    {
        DisclosureEngine engine = Engines.BuiltIn();
        LegalRequest request = Some.V2Permitted();
        var printed = new List<string>();

        VersionDifference difference = VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2);
        foreach (DifferenceRegion region in difference.Regions)
        {
            printed.Add($"{region.Description} [{region.ClassCount} classes]");
        }

        string markdown = difference.ToMarkdown();
        string json = difference.ToJson();

        ComparisonVerdict narrower = VersionComparer.IsAtMostAsPermissive(BuiltInRules.V1, BuiltInRules.V2);
        ComparisonVerdict where = VersionComparer.IsAtMostAsPermissive(
            BuiltInRules.V1,
            BuiltInRules.V2,
            Condition.All(Condition.IsTrue(Fact.IssuerRelevant), Condition.LegalAnalysisIs(LegalAnalysisOutcome.Passed)));

        RequestComparison comparison = new RequestComparer(engine).Compare(request, BuiltInRules.V1, BuiltInRules.V2);

        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings(" ");
        string first = difference.Regions[0].Description;
        Assert.Contains(first, string.Join(" ", readme.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.StartsWith(first, printed[0], StringComparison.Ordinal);
        Assert.Contains("27,648 classes", markdown, StringComparison.Ordinal);
        Assert.Contains("\"differingClasses\": 26", json, StringComparison.Ordinal);
        Assert.False(narrower.Holds);
        Assert.Contains(OffenceCategory.Terrorism, narrower.Counterexample!.Subjects[0].Offences);
        Assert.Equal(DecisionOutcome.MayDisclose, engine.Evaluate(narrower.Counterexample, BuiltInRules.V1).Outcome);
        Assert.False(where.Holds);
        Assert.True(VersionComparer.IsAtMostAsPermissive(
            BuiltInRules.V1,
            BuiltInRules.V2,
            Condition.All(Condition.IsTrue(Fact.IssuerRelevant), Condition.LegalAnalysisIs(LegalAnalysisOutcome.Passed), Condition.ProceedingIs(ProceedingKind.Criminal))).Holds);
        Assert.Equal(2, comparison.Changes.Count);
        Assert.Contains("V1 Deny -> V2 MayDisclose", comparison.Explain(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "README.md")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with README.md) was not found.");
    }
}
