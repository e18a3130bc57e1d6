using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Cli;

/// <summary>Reads the instants of the command line: an ISO 8601 instant in UTC (<c>2023-04-10T09:30:00Z</c>) or a date
/// (<c>2023-04-10</c>), which stands for the start of that day in UTC, as a request's receipt date does.</summary>
internal static class InstantText
{
    public static Instant? Parse(string text, string option, ProblemLog problems)
    {
        ParseResult<Instant> instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        }

        problems.Add(option, $"'{text}' is not an instant such as 2023-04-10T09:30:00Z or a date such as 2023-04-10");
        return null;
    }
}
