using System.Globalization;
using DisclosurePolicy.Internal;
using NodaTime;

namespace DisclosurePolicy.Requests;

/// <summary>
/// Checks a request. <see cref="Validate"/> walks it and collects every problem, while <see cref="IsValid"/> makes the
/// same checks in straight-line code, stops at the first problem and allocates nothing, for the evaluation hot path.
/// </summary>
internal static class RequestValidator
{
    /// <param name="request">The request.</param>
    /// <param name="decidedOn">The day of the decision, when known: a request received after it is inconsistent input.</param>
    public static ValidationResult Validate(LegalRequest? request, LocalDate? decidedOn)
    {
        var problems = new List<ValidationProblem>();
        Walk(request, decidedOn, problems);
        return ValidationResult.From(problems);
    }

    /// <summary>
    /// Whether <see cref="Validate"/> would find no problem, checked in straight-line code for the evaluation hot path:
    /// the same tests in the same order, reading the arrays behind the lists, allocating nothing.
    /// </summary>
    public static bool IsValid(LegalRequest? r, LocalDate? decidedOn)
    {
        if (r is null || string.IsNullOrWhiteSpace(r.Id) || r.ReceivedOn == default || r.ReceivedOn > decidedOn)
        {
            return false;
        }

        if (r.IssuedOn is LocalDate issued && issued > r.ReceivedOn)
        {
            return false;
        }

        IssuingAuthority? authority = r.Authority;
        Provenance? provenance = r.Provenance;
        if (!EnumValues.IsSpecified(r.Instrument)
            || authority is null
            || !EnumValues.IsSpecified(authority.Kind)
            || !r.Jurisdiction.IsKnown
            || !EnumValues.IsSpecified(r.Proceeding)
            || !EnumValues.IsSpecified(r.Recipient)
            || provenance is null
            || !EnumValues.IsSpecified(provenance.Channel)
            || !EnumValues.IsSpecified(provenance.Verification)
            || (r.Instrument is InstrumentKind.PreservationRequest or InstrumentKind.EuropeanPreservationOrder && !r.PreservationOnly))
        {
            return false;
        }

        Subject[] subjects = r.SubjectArray;
        if (subjects.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < subjects.Length; i++)
        {
            Subject s = subjects[i];
            if (s is null || string.IsNullOrWhiteSpace(s.AccountReference) || !EnumValues.IsSpecified(s.Status))
            {
                return false;
            }

            // Every earlier subject passed these checks, so none is null.
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(subjects[j].AccountReference, s.AccountReference, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            foreach (OffenceCategory offence in s.OffenceArray)
            {
                if (!EnumValues.IsSpecified(offence))
                {
                    return false;
                }
            }
        }

        DataCategory[] categories = r.RequestedDataArray;
        if (categories.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < categories.Length; i++)
        {
            if (!EnumValues.IsSpecified(categories[i]))
            {
                return false;
            }

            for (int j = 0; j < i; j++)
            {
                if (categories[j] == categories[i])
                {
                    return false;
                }
            }
        }

        LegalAnalysis? analysis = r.LegalAnalysis;
        return analysis is not null && EnumValues.IsSpecified(analysis.Outcome);
    }

    // Returns false as soon as a problem is found when 'sink' is null; otherwise records every problem. IsValid must accept
    // exactly the requests this walk accepts.
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
            ok = Fail(sink, "receivedOn", null, "the date the request was received is required: it selects the rule version");
            if (sink is null) return false;
        }
        else if (r.ReceivedOn > decidedOn)
        {
            // A request cannot be decided before it arrives: such a date is a mistake in the input, and deciding under the
            // version of a future day would apply rules not yet in force.
            ok = Fail(sink, "receivedOn", Date(r.ReceivedOn), $"the request cannot have been received after the day of the decision ({Date(decidedOn.Value)})");
            if (sink is null) return false;
        }

        if (r.IssuedOn is LocalDate issued && r.ReceivedOn != default && issued > r.ReceivedOn)
        {
            ok = Fail(sink, "issuedOn", Date(issued), $"an order cannot be issued after it was received ({Date(r.ReceivedOn)})");
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
            else
            {
                for (int j = 0; j < i; j++)
                {
                    if (subjects[j] is not null && string.Equals(subjects[j].AccountReference, s.AccountReference, StringComparison.Ordinal))
                    {
                        ok = Fail(sink, Path("subjects", i, "accountReference"), s.AccountReference, $"the account is already named by subjects[{j}]");
                        if (sink is null) return false;
                        break;
                    }
                }
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
        for (int i = 0; i < categories.Count; i++)
        {
            ok &= Enum(sink, Path("requestedData", i), categories[i]);
            if (!ok && sink is null) return false;

            for (int j = 0; j < i; j++)
            {
                if (categories[j] == categories[i])
                {
                    ok = Fail(sink, Path("requestedData", i), categories[i].ToString(), $"listed already at requestedData[{j}]");
                    if (sink is null) return false;
                    break;
                }
            }
        }

        return ok;
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

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

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
