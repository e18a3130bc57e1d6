using System.Text;

namespace DisclosurePolicy.Reporting;

// The plain-text tables of the reports: columns as wide as their widest cell, two spaces apart, text columns aligned
// left and figures right.
internal static class TextTable
{
    internal static void Append(StringBuilder text, IReadOnlyList<string[]> lines, int textColumns)
    {
        int[] widths = [.. Enumerable.Range(0, lines[0].Length).Select(i => lines.Max(l => l[i].Length))];
        foreach (string[] line in lines)
        {
            text.AppendJoin("  ", line.Select((cell, i) => i < textColumns ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).AppendLine();
        }
    }
}
