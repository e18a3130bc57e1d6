using System.Globalization;
using System.Text;
using DisclosurePolicy.Evaluation;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>The result of an <see cref="AgreementCheck"/>.</summary>
public sealed class AgreementReport
{
    /// <summary>Initializes a new instance of the <see cref="AgreementReport"/> class.</summary>
    /// <param name="requests">How many requests were decided.</param>
    /// <param name="outcomes">How many requests the library gave each outcome.</param>
    /// <param name="disagreements">One line per request on which the implementations differ.</param>
    public AgreementReport(int requests, IReadOnlyDictionary<DecisionOutcome, int> outcomes, IReadOnlyList<string> disagreements)
    {
        Requests = requests;
        Outcomes = outcomes;
        Disagreements = disagreements;
    }

    /// <summary>Gets how many requests were decided.</summary>
    public int Requests { get; }

    /// <summary>Gets how many requests the library gave each outcome.</summary>
    public IReadOnlyDictionary<DecisionOutcome, int> Outcomes { get; }

    /// <summary>Gets one line per request on which the implementations differ.</summary>
    public IReadOnlyList<string> Disagreements { get; }

    /// <summary>Gets a value indicating whether all four implementations agree on every request.</summary>
    public bool Agree => Disagreements.Count == 0;

    /// <summary>Describes the report.</summary>
    /// <returns>The outcome mix and the first disagreements.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Requests} requests under V2: ");
        text.AppendJoin(", ", Outcomes.OrderBy(o => o.Key).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value}")));
        text.AppendLine();
        text.AppendLine(Agree
            ? "The library, hand-written C#, RulesEngine and ASP.NET Core authorization agree on every request."
            : string.Create(CultureInfo.InvariantCulture, $"{Disagreements.Count} requests decided differently:"));
        foreach (string line in Disagreements.Take(20))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
