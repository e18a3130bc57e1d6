using System.Globalization;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Testing;

/// <summary>
/// The part of the request domain a generator draws from: the issuing countries, the instruments and the receipt dates a
/// host's tests care about. <see cref="Everything"/> covers the whole domain; each <c>With…</c> method narrows one fact.
/// </summary>
/// <remarks>
/// <para>Every request a generator gives lies inside the scope, including shrunk ones and near misses (a near miss changes
/// one fact, and only to another value inside the scope). Receipt dates are inclusive at both ends.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RequestScope
{
    private static readonly string[] DefaultCountries = ["DE", "FR", "IT", "ES", "PL", "NL", "US", "GB", "IN", "BR", "RU", "UA", "JP", "XK"];

    private RequestScope(string[] countries, InstrumentKind[] instruments, LocalDate from, LocalDate to)
    {
        Countries = Array.AsReadOnly(countries);
        Instruments = Array.AsReadOnly(instruments);
        ReceivedFrom = from;
        ReceivedTo = to;
    }

    /// <summary>Gets the whole domain: every instrument, fourteen countries inside and outside the EU (Kosovo's <c>XK</c>
    /// included), and receipt dates from 2010-01-01 to 2025-12-31.</summary>
    /// <remarks><para>The dates are fixed rather than read from a clock, so a seed replays the same requests on any day.
    /// An engine deciding before the last date refuses later receipts as inconsistent input: narrow the dates with
    /// <see cref="WithReceivedBetween"/> to the engine's decision day.</para></remarks>
    public static RequestScope Everything { get; } = new(
        DefaultCountries,
        [.. Enum.GetValues<InstrumentKind>().Where(k => k != InstrumentKind.Unspecified)],
        new LocalDate(2010, 1, 1),
        new LocalDate(2025, 12, 31));

    /// <summary>Gets the issuing countries, as given (ISO 3166-1 alpha-2 codes).</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>Gets the instruments.</summary>
    public IReadOnlyList<InstrumentKind> Instruments { get; }

    /// <summary>Gets the first receipt date.</summary>
    public LocalDate ReceivedFrom { get; }

    /// <summary>Gets the last receipt date (inclusive).</summary>
    public LocalDate ReceivedTo { get; }

    /// <summary>Returns the scope restricted to orders issued in some countries.</summary>
    /// <param name="countries">ISO 3166-1 alpha-2 codes, such as <c>DE</c>; at least one.</param>
    /// <returns>A scope with these countries and the other facts unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="countries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No country is given, or a code is not a known country code.</exception>
    public RequestScope WithCountries(params IEnumerable<string> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        string[] codes = [.. countries];
        string[] unknown = [.. codes.Where(c => c is null || !new Jurisdiction(c).IsKnown).Select(c => $"'{c}'")];
        if (codes.Length == 0 || unknown.Length > 0)
        {
            throw new ArgumentException(
                codes.Length == 0 ? "At least one country is needed." : $"Not ISO 3166-1 alpha-2 country codes: {string.Join(", ", unknown)}.",
                nameof(countries));
        }

        return new RequestScope(codes, [.. Instruments], ReceivedFrom, ReceivedTo);
    }

    /// <summary>Returns the scope restricted to some instruments.</summary>
    /// <param name="instruments">The instruments; at least one, none <see cref="InstrumentKind.Unspecified"/>.</param>
    /// <returns>A scope with these instruments and the other facts unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instruments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No instrument is given, or one is not a defined member other than <c>Unspecified</c>.</exception>
    public RequestScope WithInstruments(params IEnumerable<InstrumentKind> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        InstrumentKind[] kinds = [.. instruments.Distinct()];
        if (kinds.Length == 0 || kinds.Any(k => k == InstrumentKind.Unspecified || !Enum.IsDefined(k)))
        {
            throw new ArgumentException(
                $"At least one instrument is needed, each one of: {string.Join(", ", Enum.GetNames<InstrumentKind>().Skip(1))}.", nameof(instruments));
        }

        return new RequestScope([.. Countries], kinds, ReceivedFrom, ReceivedTo);
    }

    /// <summary>Returns the scope restricted to requests received between two dates.</summary>
    /// <param name="from">The first receipt date.</param>
    /// <param name="to">The last receipt date (inclusive).</param>
    /// <returns>A scope with these dates and the other facts unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public RequestScope WithReceivedBetween(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The last receipt date {Text(to)} is before the first {Text(from)}.", nameof(to));
        }

        return new RequestScope([.. Countries], [.. Instruments], from, to);
    }

    /// <summary>Answers whether a request lies inside the scope (its country, instrument and receipt date).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when every restricted fact is inside the scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public bool Contains(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Countries.Any(c => new Jurisdiction(c) == request.Jurisdiction)
            && Instruments.Contains(request.Instrument)
            && request.ReceivedOn >= ReceivedFrom
            && request.ReceivedOn <= ReceivedTo;
    }

    /// <summary>Returns the scope in words.</summary>
    /// <returns>The countries, instruments and dates.</returns>
    public override string ToString() =>
        $"countries {string.Join(", ", Countries)}; {(Instruments.Count == Enum.GetValues<InstrumentKind>().Length - 1 ? "every instrument" : string.Join(", ", Instruments))}; received {Text(ReceivedFrom)}..{Text(ReceivedTo)}";

    private static string Text(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
