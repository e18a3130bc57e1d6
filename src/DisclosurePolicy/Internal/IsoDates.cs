using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Internal;

/// <summary>The one reader of calendar dates (<c>yyyy-MM-dd</c>) in requests, rules, records and configuration, so a
/// mistaken date gets the same message wherever it is written.</summary>
internal static class IsoDates
{
    public const string NotADate = "not a calendar date; expected yyyy-MM-dd, such as 2025-02-10";

    /// <summary>Reads a date written exactly as <c>yyyy-MM-dd</c> (no surrounding spaces); records a problem otherwise.</summary>
    public static LocalDate? Parse(string text, string path, List<ValidationProblem> problems)
    {
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        problems.Add(new ValidationProblem(path, text, NotADate));
        return null;
    }

    /// <summary>Writes a date as the readers expect it (yyyy-MM-dd).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
