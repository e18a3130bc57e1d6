using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Internal;

/// <summary>The one reader of calendar dates (<c>yyyy-MM-dd</c>) in requests, rules, records and configuration, so a
/// mistaken date gets the same message wherever it is written.</summary>
internal static class IsoDates
{
    public const string NotADate = "not a calendar date; expected yyyy-MM-dd, such as 2025-02-10";

    /// <summary>The first date <c>yyyy-MM-dd</c> can write: NodaTime's calendar reaches back to the year -9998, whose
    /// dates the format (and so every file and record) cannot hold.</summary>
    public static readonly LocalDate Earliest = new(1, 1, 1);

    /// <summary>The last date <c>yyyy-MM-dd</c> can write, which is also the last of NodaTime's calendar.</summary>
    public static readonly LocalDate Latest = LocalDate.MaxIsoValue;

    /// <summary>Reads a date written exactly as <c>yyyy-MM-dd</c> (no surrounding spaces) between <see cref="Earliest"/>
    /// and <see cref="Latest"/>; records a problem otherwise.</summary>
    public static LocalDate? Parse(string text, string path, List<ValidationProblem> problems)
    {
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            problems.Add(new ValidationProblem(path, text, NotADate));
            return null;
        }

        if (!IsWritable(parsed.Value))
        {
            problems.Add(new ValidationProblem(path, text, OutOfRange(Earliest)));
            return null;
        }

        return parsed.Value;
    }

    /// <summary>Whether <c>yyyy-MM-dd</c> can write the date: a year from 1 to 9999.</summary>
    public static bool IsWritable(LocalDate date) => date >= Earliest;

    /// <summary>The message for a date in a year before 1, naming the accepted range.</summary>
    /// <param name="first">The first accepted date (later than <see cref="Earliest"/> where a date must also differ from
    /// the default, 0001-01-01).</param>
    public static string OutOfRange(LocalDate first) => $"a year before 1, which yyyy-MM-dd cannot write; {Accepted(first)}";

    /// <summary>The accepted range, from <paramref name="first"/> to <see cref="Latest"/>, for messages.</summary>
    public static string Accepted(LocalDate first) => $"accepted: {Format(first)} to {Format(Latest)}";

    /// <summary>Writes a date as the readers expect it (yyyy-MM-dd).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
