using DisclosurePolicy.Requests;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>
/// Requests spread over every fact a clause can test: receipt dates around each version boundary, every enum member
/// (including Unspecified now and then, so invalid requests are covered too), one to three subjects and one to four
/// data categories. Used to compare two representations of the same rules.
/// </summary>
public static class AuthoringArbitraries
{
    private static readonly LocalDate[] Boundaries =
        [new(2018, 8, 13), new(2018, 8, 14), new(2024, 9, 22), new(2024, 9, 23), new(2020, 12, 9), new(2026, 8, 18)];

    private static readonly string[] Countries = ["FR", "DE", "US", "IN", "RU", "BR", "GB", "AT", "ES"];

    public static Arbitrary<LegalRequest> LegalRequest() => Arb.From(Requests());

    public static Gen<LegalRequest> Requests() =>
        from received in Gen.Frequency(
            (1, Gen.Elements(Boundaries)),
            (3, Gen.Choose(0, 365 * 11).Select(d => new LocalDate(2016, 1, 1).PlusDays(d))))
        from instrument in Member<InstrumentKind>()
        from authority in Member<IssuingAuthorityKind>()
        from country in Gen.Elements(Countries)
        from proceeding in Member<ProceedingKind>()
        from valid in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from relevant in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from recipient in Member<RecipientKind>()
        from channel in Member<RequestChannel>(unspecified: false)
        from verification in Member<OriginVerification>()
        from preservation in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from emergency in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from subjects in Gen.Choose(1, 3).SelectMany(n => Subject().ArrayOf(n))
        from data in Gen.Choose(1, 4).SelectMany(n => Member<DataCategory>(unspecified: false).ArrayOf(n))
        from analysis in Member<LegalAnalysisOutcome>()
        select new LegalRequest
        {
            Id = "REQ-GEN",
            ReceivedOn = received,
            Instrument = instrument,
            Authority = new IssuingAuthority(authority, "Generated authority"),
            Jurisdiction = new Jurisdiction(country),
            Proceeding = proceeding,
            OrderIsValid = valid,
            IssuerIsRelevant = relevant,
            Recipient = recipient,
            Provenance = new Provenance(channel, verification),
            PreservationOnly = preservation,
            EmergencyClaim = emergency,
            Subjects = [.. subjects.Select((s, i) => new Subject($"user:{i + 1}", s.Status, s.Offences))],
            RequestedData = [.. data.Distinct()],
            LegalAnalysis = new LegalAnalysis(analysis, null),
        };

    private static Gen<Subject> Subject() =>
        from status in Member<SubjectStatus>()
        from offences in Gen.Choose(0, 3).SelectMany(n => Member<OffenceCategory>(unspecified: false).ArrayOf(n))
        select new Subject("user:0", status, offences.Distinct());

    // Mostly real members; Unspecified (invalid) about one time in twenty when allowed.
    private static Gen<T> Member<T>(bool unspecified = true)
        where T : struct, Enum
    {
        T[] members = [.. Enum.GetValues<T>().Where(v => !EqualityComparer<T>.Default.Equals(v, default))];
        return unspecified
            ? Gen.Frequency((19, Gen.Elements(members)), (1, Gen.Constant(default(T))))
            : Gen.Elements(members);
    }
}
