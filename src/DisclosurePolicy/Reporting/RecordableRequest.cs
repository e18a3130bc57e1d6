using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Reporting;

/// <summary>
/// Finds what in a request the documented request format cannot hold, so that a record is refused up front rather than
/// written in a form that would not read back equal.
/// </summary>
/// <remarks>A request that does not validate can still be recorded (its decision is a fail-closed deny); only a missing
/// part, a missing string or an enum value with no name (<c>Unspecified</c> or undefined) cannot be written and read back.</remarks>
internal static class RecordableRequest
{
    public static List<string> Problems(LegalRequest r)
    {
        var problems = new List<string>();
        if (r.Id is null)
        {
            problems.Add("request.id is missing");
        }

        Date(problems, "request.receivedOn", r.ReceivedOn);
        if (r.IssuedOn is LocalDate issued)
        {
            Date(problems, "request.issuedOn", issued);
        }

        Enum(problems, "request.instrument", r.Instrument);
        if (r.Authority is null)
        {
            problems.Add("request.authority is missing");
        }
        else
        {
            Enum(problems, "request.authority.kind", r.Authority.Kind);
        }

        Enum(problems, "request.proceeding", r.Proceeding);
        Enum(problems, "request.recipient", r.Recipient);
        if (r.Provenance is null)
        {
            problems.Add("request.provenance is missing");
        }
        else
        {
            Enum(problems, "request.provenance.channel", r.Provenance.Channel);
            Enum(problems, "request.provenance.verification", r.Provenance.Verification);
        }

        for (int s = 0; s < r.Subjects.Count; s++)
        {
            Subject? subject = r.Subjects[s];
            string path = $"request.subjects[{s}]";
            if (subject is null)
            {
                problems.Add($"{path} is missing");
                continue;
            }

            if (subject.AccountReference is null)
            {
                problems.Add($"{path}.accountReference is missing");
            }

            Enum(problems, $"{path}.status", subject.Status);
            for (int o = 0; o < subject.Offences.Count; o++)
            {
                Enum(problems, $"{path}.offences[{o}]", subject.Offences[o]);
            }
        }

        for (int c = 0; c < r.RequestedData.Count; c++)
        {
            Enum(problems, $"request.requestedData[{c}]", r.RequestedData[c]);
        }

        if (r.LegalAnalysis is null)
        {
            problems.Add("request.legalAnalysis is missing");
        }
        else
        {
            Enum(problems, "request.legalAnalysis.outcome", r.LegalAnalysis.Outcome);
        }

        return problems;
    }

    private static void Enum<T>(List<string> problems, string path, T value)
        where T : struct, Enum
    {
        if (!EnumValues.IsSpecified(value))
        {
            problems.Add($"{path} = '{value}' is not a named {typeof(T).Name}");
        }
    }

    // The format writes dates as yyyy-MM-dd, which holds the years 1 to 9999.
    private static void Date(List<string> problems, string path, LocalDate date)
    {
        if (!IsoDates.IsWritable(date))
        {
            problems.Add($"{path} = {IsoDates.Format(date)}: {IsoDates.OutOfRange(IsoDates.Earliest)}");
        }
    }
}
