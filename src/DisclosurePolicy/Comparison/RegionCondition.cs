namespace DisclosurePolicy.Comparison;

/// <summary>
/// What a <see cref="DifferenceRegion"/> requires of one fact, in words and as the values it admits; a fact the region
/// does not constrain has no condition.
/// </summary>
/// <remarks><para>Immutable and safe to share across threads.</para></remarks>
public sealed class RegionCondition
{
    internal RegionCondition(string key, string text, IEnumerable<string> values)
    {
        Key = key;
        Text = text;
        Values = Array.AsReadOnly(values.ToArray());
    }

    /// <summary>Gets the stable key of the fact, such as <c>instrument</c>, <c>offences</c> or <c>receivedOn</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the condition in words, such as <c>issuing authority is Court, Judge or InvestigatingJudge</c>.</summary>
    public string Text { get; }

    /// <summary>Gets the values the region admits: enum member names, <c>yes</c>/<c>no</c>, country codes, descriptions of
    /// offence sets, or receipt-date ranges such as <c>2018-08-14..2024-09-22</c> (an open end is left empty).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Returns the condition in words.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
