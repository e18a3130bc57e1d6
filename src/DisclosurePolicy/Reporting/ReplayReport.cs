using System.Globalization;
using System.Text;

namespace DisclosurePolicy.Reporting;

/// <summary>The outcome of replaying recorded decisions: one entry per record, in the order given.</summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class ReplayReport
{
    /// <summary>Initializes a new instance of the <see cref="ReplayReport"/> class.</summary>
    /// <param name="target">What the records were replayed under, in words (such as <c>V2</c>).</param>
    /// <param name="entries">The entries.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReplayReport(string target, IEnumerable<ReplayEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(entries);
        Target = target;
        Entries = Array.AsReadOnly(entries.ToArray());
    }

    /// <summary>Gets what the records were replayed under, in words.</summary>
    public string Target { get; }

    /// <summary>Gets one entry per record, in the order given.</summary>
    public IReadOnlyList<ReplayEntry> Entries { get; }

    /// <summary>Gets the entries whose outcome or any item changed.</summary>
    public IReadOnlyList<ReplayEntry> Changed => Array.AsReadOnly(Entries.Where(e => e.Changed).ToArray());

    /// <summary>Renders the replay as plain text: a summary line, then one block per changed record.</summary>
    /// <returns>The text.</returns>
    public string RenderText()
    {
        IReadOnlyList<ReplayEntry> changed = Changed;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Replay under {Target}: {Entries.Count} record(s), {changed.Count} changed, ")
            .Append(CultureInfo.InvariantCulture, $"{changed.Count(e => e.FulfilmentChanged)} would count differently in the published report.")
            .AppendLine();
        foreach (ReplayEntry entry in changed)
        {
            text.Append("  ").Append(entry).AppendLine();
            foreach (ItemChange item in entry.ItemChanges)
            {
                text.Append("    ").Append(item).AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the summary line.</summary>
    /// <returns>The target and counts.</returns>
    public override string ToString() => $"Replay under {Target}: {Entries.Count} record(s), {Changed.Count} changed";
}
