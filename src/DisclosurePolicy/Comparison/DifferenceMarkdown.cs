using System.Globalization;
using System.Text;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>Renders a <see cref="VersionDifference"/> as Markdown a lawyer can read.</summary>
internal static class DifferenceMarkdown
{
    public static string Render(VersionDifference difference)
    {
        RuleVersion left = difference.Left;
        RuleVersion right = difference.Right;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {left.Id} compared with {right.Id}").AppendLine().AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- **Left**: {Cell(left.ToString())} ({Cell(left.Citation)})").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- **Right**: {Cell(right.ToString())} ({Cell(right.Citation)})").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- **Compared**: {(difference.Scope is null ? "every item of every valid request" : $"the items where {Cell(difference.Scope.ToString())}")}")
            .AppendLine().AppendLine();

        if (difference.AreEquivalent)
        {
            text.Append(CultureInfo.InvariantCulture, $"The two versions decide every item the same way ({Count(difference.ClassCount)} classes of items, {Count(difference.CombinationCount)} combinations of fact values).")
                .AppendLine();
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"The two versions decide differently on {Count(difference.DifferingClassCount)} of {Count(difference.ClassCount)} classes of items ")
                .Append(CultureInfo.InvariantCulture, $"({Count(difference.DifferingCombinationCount)} of {Count(difference.CombinationCount)} combinations of fact values), in {difference.Regions.Count} region{(difference.Regions.Count == 1 ? string.Empty : "s")}:")
                .AppendLine().AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"| # | Where | {left.Id} | {right.Id} | Classes | Combinations |").AppendLine();
            text.AppendLine("|---:|---|---|---|---:|---:|");
            for (int i = 0; i < difference.Regions.Count; i++)
            {
                DifferenceRegion region = difference.Regions[i];
                text.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {Cell(region.Where)} | {OutcomeText.Of(region.LeftOutcome)} | {OutcomeText.Of(region.RightOutcome)} | {Count(region.ClassCount)} | {Count(region.CombinationCount)} |")
                    .AppendLine();
            }
        }

        text.AppendLine()
            .AppendLine("An item is one account and one data category of a request. A region lists only the facts it constrains; the others may take any value. ")
            .AppendLine("A class groups the values no clause of either version can tell apart; a combination is one value of every fact (where the receipt date matters, once per date class). ")
            .AppendLine("The comparison is exact: one item of every class was decided under both versions.")
            .AppendLine()
            .AppendLine("## Classes of facts")
            .AppendLine();
        foreach (FactPartition partition in difference.Partitions)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{partition.Name}** ({partition.Classes.Count}): {Cell(string.Join("; ", partition.Classes))}").AppendLine();
        }

        return text.ToString();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Table cells and list items stay on one line and keep their pipes literal.
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
