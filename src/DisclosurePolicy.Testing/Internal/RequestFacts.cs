using System.Globalization;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>
/// Every fact of a <see cref="LegalRequest"/> as a record, so generators can change one fact with <c>with</c>, including to
/// values the request model only reports at validation (<see langword="null"/> parts, unknown codes).
/// </summary>
internal sealed record RequestFacts
{
    public string? Id { get; init; }

    public LocalDate ReceivedOn { get; init; }

    public LocalDate? IssuedOn { get; init; }

    public InstrumentKind Instrument { get; init; }

    public IssuingAuthority? Authority { get; init; }

    public Jurisdiction Jurisdiction { get; init; }

    public ProceedingKind Proceeding { get; init; }

    public bool OrderIsValid { get; init; }

    public bool IssuerIsRelevant { get; init; }

    public RecipientKind Recipient { get; init; }

    public Provenance? Provenance { get; init; }

    public bool PreservationOnly { get; init; }

    public bool EmergencyClaim { get; init; }

    public IReadOnlyList<Subject?> Subjects { get; init; } = [];

    public IReadOnlyList<DataCategory> RequestedData { get; init; } = [];

    public LegalAnalysis? LegalAnalysis { get; init; }

    public static RequestFacts Of(LegalRequest r) => new()
    {
        Id = r.Id,
        ReceivedOn = r.ReceivedOn,
        IssuedOn = r.IssuedOn,
        Instrument = r.Instrument,
        Authority = r.Authority,
        Jurisdiction = r.Jurisdiction,
        Proceeding = r.Proceeding,
        OrderIsValid = r.OrderIsValid,
        IssuerIsRelevant = r.IssuerIsRelevant,
        Recipient = r.Recipient,
        Provenance = r.Provenance,
        PreservationOnly = r.PreservationOnly,
        EmergencyClaim = r.EmergencyClaim,
        Subjects = r.Subjects,
        RequestedData = r.RequestedData,
        LegalAnalysis = r.LegalAnalysis,
    };

    /// <summary>Builds the request, passing missing parts through as <see langword="null"/> for validation to report.</summary>
    public LegalRequest ToRequest() => new()
    {
        Id = Id!,
        ReceivedOn = ReceivedOn,
        IssuedOn = IssuedOn,
        Instrument = Instrument,
        Authority = Authority!,
        Jurisdiction = Jurisdiction,
        Proceeding = Proceeding,
        OrderIsValid = OrderIsValid,
        IssuerIsRelevant = IssuerIsRelevant,
        Recipient = Recipient,
        Provenance = Provenance!,
        PreservationOnly = PreservationOnly,
        EmergencyClaim = EmergencyClaim,
        Subjects = [.. Subjects.Select(s => s!)],
        RequestedData = RequestedData,
        LegalAnalysis = LegalAnalysis!,
    };

    /// <summary>Describes a request on one line, including parts that have no JSON form (a null subject, an undefined enum value).</summary>
    public static string Describe(LegalRequest r)
    {
        static string Date(LocalDate? d) => d is null ? "-" : d.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        string subjects = string.Join(
            ", ",
            r.Subjects.Select(s => s is null ? "null" : $"{s.AccountReference}:{s.Status}[{string.Join("+", s.Offences)}]"));
        return $"id='{r.Id}' received={Date(r.ReceivedOn)} issued={Date(r.IssuedOn)} {r.Instrument} by {r.Authority?.Kind.ToString() ?? "null"} " +
            $"in '{r.Jurisdiction.Code}' {r.Proceeding} valid={r.OrderIsValid} relevant={r.IssuerIsRelevant} to {r.Recipient} " +
            $"via {r.Provenance?.Channel.ToString() ?? "null"}/{r.Provenance?.Verification.ToString() ?? "null"} " +
            $"preservation={r.PreservationOnly} emergency={r.EmergencyClaim} subjects=[{subjects}] " +
            $"data=[{string.Join(", ", r.RequestedData)}] analysis={r.LegalAnalysis?.Outcome.ToString() ?? "null"}";
    }
}
