using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Requests;

/// <summary>
/// Checks a request in one walk: <see cref="Validate"/> collects every problem, <see cref="IsValid"/> stops at the first.
/// </summary>
internal static class RequestValidator
{
    // The first accepted receipt date: the first date a file can write, 0001-01-01, is the default of an unset date.
    private static readonly LocalDate FirstReceipt = IsoDates.Earliest.PlusDays(1);

    /// <param name="request">The request.</param>
    /// <param name="decidedOn">The day of the decision, when known: a request received after it is inconsistent input.</param>
    public static ValidationResult Validate(LegalRequest? request, LocalDate? decidedOn)
    {
        var problems = new List<ValidationProblem>();
        Walk(request, decidedOn, problems);
        return ValidationResult.From(problems);
    }

    /// <summary>Whether <see cref="Validate"/> would find no problem: the same walk, stopping at the first problem and
    /// building no message, so the evaluation hot path allocates nothing (but for a very long list of accounts).</summary>
    public static bool IsValid(LegalRequest? r, LocalDate? decidedOn) => Walk(r, decidedOn, null);

    // Returns false as soon as a problem is found when 'sink' is null; otherwise records every problem.
    private static bool Walk(LegalRequest? r, LocalDate? decidedOn, List<ValidationProblem>? sink)
    {
        if (r is null)
        {
            return Fail(sink, "request", null, "the request is missing");
        }

        bool ok = true;
        if (string.IsNullOrWhiteSpace(r.Id))
        {
            ok = Fail(sink, "id", r.Id, "the request needs an identifier");
            if (sink is null) return false;
        }

        if (r.ReceivedOn == default)
        {
            // 0001-01-01 is also what an unset LocalDate holds, so it cannot tell a receipt date from a forgotten one.
            ok = Fail(sink, "receivedOn", IsoDates.Format(r.ReceivedOn), $"the default of an unset date, not a receipt date (it selects the rule version); {IsoDates.Accepted(FirstReceipt)}");
            if (sink is null) return false;
        }
        else if (!IsoDates.IsWritable(r.ReceivedOn))
        {
            ok = Fail(sink, "receivedOn", IsoDates.Format(r.ReceivedOn), IsoDates.OutOfRange(FirstReceipt));
            if (sink is null) return false;
        }
        else if (r.ReceivedOn > decidedOn)
        {
            // A request cannot be decided before it arrives: such a date is a mistake in the input, and deciding under the
            // version of a future day would apply rules not yet in force.
            ok = Fail(sink, "receivedOn", IsoDates.Format(r.ReceivedOn), $"the request cannot have been received after the day of the decision ({IsoDates.Format(decidedOn.Value)})");
            if (sink is null) return false;
        }

        if (r.IssuedOn is LocalDate early && !IsoDates.IsWritable(early))
        {
            ok = Fail(sink, "issuedOn", IsoDates.Format(early), IsoDates.OutOfRange(IsoDates.Earliest));
            if (sink is null) return false;
        }
        else if (r.IssuedOn is LocalDate issued && r.ReceivedOn != default && issued > r.ReceivedOn)
        {
            ok = Fail(sink, "issuedOn", IsoDates.Format(issued), $"an order cannot be issued after it was received ({IsoDates.Format(r.ReceivedOn)})");
            if (sink is null) return false;
        }

        ok &= Enum(sink, "instrument", r.Instrument);
        if (!ok && sink is null) return false;

        if (r.Authority is null)
        {
            ok = Fail(sink, "authority", null, "the issuing authority is required");
            if (sink is null) return false;
        }
        else
        {
            ok &= Enum(sink, "authority.kind", r.Authority.Kind);
            if (!ok && sink is null) return false;
        }

        if (!r.Jurisdiction.IsKnown)
        {
            ok = Fail(
                sink,
                "jurisdiction",
                r.Jurisdiction.Code.Length == 0 ? null : r.Jurisdiction.Code,
                r.Jurisdiction.Code.Length == 0
                    ? "the issuing jurisdiction is required (an ISO 3166-1 alpha-2 code such as DE)"
                    : "not an ISO 3166-1 alpha-2 country code");
            if (sink is null) return false;
        }

        ok &= Enum(sink, "proceeding", r.Proceeding);
        ok &= Enum(sink, "recipient", r.Recipient);
        if (!ok && sink is null) return false;

        if (r.Provenance is null)
        {
            ok = Fail(sink, "provenance", null, "how the request arrived and whether its origin was verified is required");
            if (sink is null) return false;
        }
        else
        {
            ok &= Enum(sink, "provenance.channel", r.Provenance.Channel);
            ok &= Enum(sink, "provenance.verification", r.Provenance.Verification);
            if (!ok && sink is null) return false;
        }

        if (r.Instrument is InstrumentKind.PreservationRequest or InstrumentKind.EuropeanPreservationOrder && !r.PreservationOnly)
        {
            ok = Fail(sink, "preservationOnly", "false", $"a {r.Instrument} asks only for preservation; it cannot ask for disclosure");
            if (sink is null) return false;
        }

        ok &= Subjects(r.Subjects, sink);
        if (!ok && sink is null) return false;

        ok &= Categories(r.RequestedData, sink);
        if (!ok && sink is null) return false;

        if (r.LegalAnalysis is null)
        {
            ok = Fail(sink, "legalAnalysis", null, "the legal analysis is required (use NotPerformed when none was made)");
        }
        else
        {
            ok &= Enum(sink, "legalAnalysis.outcome", r.LegalAnalysis.Outcome);
        }

        return ok;
    }

    private static bool Subjects(IReadOnlyList<Subject> subjects, List<ValidationProblem>? sink)
    {
        if (subjects.Count == 0)
        {
            return Fail(sink, "subjects", null, "the request must name at least one account");
        }

        bool ok = true;
        Dictionary<string, int>? named = null;
        for (int i = 0; i < subjects.Count; i++)
        {
            Subject s = subjects[i];
            if (s is null)
            {
                ok = Fail(sink, Path("subjects", i), null, "the subject is missing");
                if (sink is null) return false;
                continue;
            }

            if (string.IsNullOrWhiteSpace(s.AccountReference))
            {
                ok = Fail(sink, Path("subjects", i, "accountReference"), s.AccountReference, "the account reference is required");
                if (sink is null) return false;
            }
            else if (FirstNaming(subjects, i, ref named) is int j)
            {
                ok = Fail(sink, Path("subjects", i, "accountReference"), s.AccountReference, $"the account is already named by subjects[{j}]");
                if (sink is null) return false;
            }

            ok &= Enum(sink, Path("subjects", i, "status"), s.Status);
            if (!ok && sink is null) return false;

            for (int k = 0; k < s.Offences.Count; k++)
            {
                ok &= Enum(sink, Path("subjects", i, "offences", k), s.Offences[k]);
                if (!ok && sink is null) return false;
            }
        }

        return ok;
    }

    private static bool Categories(IReadOnlyList<DataCategory> categories, List<ValidationProblem>? sink)
    {
        if (categories.Count == 0)
        {
            return Fail(sink, "requestedData", null, "the request must ask for at least one data category");
        }

        bool ok = true;
        ulong seen = 0;
        for (int i = 0; i < categories.Count; i++)
        {
            if (!Enum(sink, Path("requestedData", i), categories[i]))
            {
                ok = false;
                if (sink is null) return false;
                continue;
            }

            // Categories are enum members below 64 (checked just above), so one bit each finds a repeat in linear time.
            ulong bit = 1UL << (int)categories[i];
            if ((seen & bit) != 0)
            {
                ok = Fail(sink, Path("requestedData", i), categories[i].ToString(), $"listed already at requestedData[{IndexOf(categories, categories[i])}]");
                if (sink is null) return false;
            }

            seen |= bit;
        }

        return ok;
    }

    // The earlier subject naming the same account as subjects[i]: pairwise for a short list (no allocation), through a map
    // built once for a long one, so a request naming 100,000 accounts is checked in linear time.
    private static int? FirstNaming(IReadOnlyList<Subject> subjects, int i, ref Dictionary<string, int>? named)
    {
        const int Pairwise = 16;
        string account = subjects[i].AccountReference;
        if (subjects.Count <= Pairwise)
        {
            for (int j = 0; j < i; j++)
            {
                if (subjects[j] is not null && string.Equals(subjects[j].AccountReference, account, StringComparison.Ordinal))
                {
                    return j;
                }
            }

            return null;
        }

        named ??= new Dictionary<string, int>(subjects.Count, StringComparer.Ordinal);
        return named.TryAdd(account, i) ? null : named[account];
    }

    private static int IndexOf(IReadOnlyList<DataCategory> categories, DataCategory category)
    {
        int i = 0;
        while (categories[i] != category)
        {
            i++;
        }

        return i;
    }

    private static bool Enum<T>(List<ValidationProblem>? sink, Where path, T value)
        where T : struct, System.Enum
    {
        if (EnumValues.IsSpecified(value))
        {
            return true;
        }

        if (sink is null)
        {
            return false;
        }

        bool unspecified = EqualityComparer<T>.Default.Equals(value, default);
        return Fail(
            sink,
            path,
            unspecified ? null : value.ToString(),
            unspecified
                ? $"a value is required; accepted: {EnumValues.Accepted<T>()}"
                : $"not a known {typeof(T).Name}; accepted: {EnumValues.Accepted<T>()}");
    }

    private static bool Fail(List<ValidationProblem>? sink, Where path, string? value, string message)
    {
        sink?.Add(new ValidationProblem(path.ToString(), value, message));
        return false;
    }


    private static Where Path(string list, int index) => new(list, index, null, -1);

    private static Where Path(string list, int index, string field) => new(list, index, field, -1);

    private static Where Path(string list, int index, string field, int inner) => new(list, index, field, inner);

    /// <summary>
    /// Where a problem is (a field, or a list entry and its field), turned into text only when a problem is recorded, so
    /// <see cref="IsValid"/> builds no path strings.
    /// </summary>
    private readonly struct Where(string list, int index, string? field, int inner)
    {
        public static implicit operator Where(string field) => new(field, -1, null, -1);

        public override string ToString() =>
            index < 0 ? list
            : field is null ? $"{list}[{index}]"
            : inner < 0 ? $"{list}[{index}].{field}"
            : $"{list}[{index}].{field}[{inner}]";
    }
}
