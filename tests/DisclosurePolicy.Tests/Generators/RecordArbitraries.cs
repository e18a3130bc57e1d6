using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>
/// Generates decision records the way a host makes them: a request (mostly close to one the rules permit, with facts
/// flipped at random, received under V0, V1 or V2, from a handful of countries, naming accounts from a small pool so that
/// accounts recur), decided by the built-in engine at a later instant, and recorded with the version that decided.
/// </summary>
public static class RecordArbitraries
{
    private static readonly string[] Countries = ["DE", "FR", "US", "IN", "BR", "XX"];

    public static Arbitrary<RecordSample> Sample() => Arb.From(RecordGen("REQ-1").Select(r => new RecordSample(r)));

    public static Arbitrary<RecordBatch> Batch() =>
        Arb.From(
            from count in Gen.Choose(0, 40)
            from records in Gen.CollectToArray(Enumerable.Range(1, count).Select(i => RecordGen($"REQ-{i:D3}")))
            select new RecordBatch(records));

    public static Gen<DecisionRecord> RecordGen(string id) =>
        from request in RequestGen(id)
        from receivedSecond in Gen.Choose(0, 86_399)
        from delaySeconds in Gen.Frequency((3, Gen.Choose(0, 86_400 * 3)), (1, Gen.Choose(0, 86_400 * 200)))
        select Decide(request, receivedSecond, delaySeconds);

    public static DecisionRecord Decide(LegalRequest request, int receivedSecond, int delaySeconds)
    {
        Instant receivedAt = request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromSeconds(receivedSecond);
        Instant decidedAt = receivedAt + Duration.FromSeconds(delaySeconds);
        Decision decision = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(decidedAt)).Evaluate(request);
        return DecisionRecord.Create(request, receivedAt, decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
    }

    public static Gen<LegalRequest> RequestGen(string id) =>
        from days in Gen.Choose(0, 3400)
        from country in Gen.Elements(Countries)
        from instrument in Flip(InstrumentKind.CourtOrder, Enum.GetValues<InstrumentKind>()[1..])
        from authority in Flip(IssuingAuthorityKind.Court, Enum.GetValues<IssuingAuthorityKind>()[1..])
        from proceeding in Flip(ProceedingKind.Criminal, Enum.GetValues<ProceedingKind>()[1..])
        from valid in Flip(true, [false])
        from relevant in Flip(true, [false])
        from recipient in Flip(RecipientKind.LawEnforcementAuthority, Enum.GetValues<RecipientKind>()[1..])
        from verification in Flip(OriginVerification.VerifiedOutOfBand, Enum.GetValues<OriginVerification>()[1..])
        from preservation in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        from emergency in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        from subjects in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(SubjectGen(), n))
        from data in Gen.Frequency(
            (4, Gen.Constant<IReadOnlyList<DataCategory>>([DataCategory.IpAddress, DataCategory.PhoneNumber])),
            (2, Gen.ListOf(Gen.Elements(Enum.GetValues<DataCategory>()[1..]), 3).Select(l => (IReadOnlyList<DataCategory>)l.Distinct().ToList())))
        from analysis in Flip(LegalAnalysisOutcome.Passed, Enum.GetValues<LegalAnalysisOutcome>()[1..])
        select new LegalRequest
        {
            Id = id,
            ReceivedOn = new LocalDate(2017, 6, 1).PlusDays(days),
            Instrument = instrument,
            Authority = new IssuingAuthority(authority, null),
            Jurisdiction = new Jurisdiction(country),
            Proceeding = proceeding,
            OrderIsValid = valid,
            IssuerIsRelevant = relevant,
            Recipient = recipient,
            Provenance = new Provenance(RequestChannel.LawEnforcementPortal, verification),
            PreservationOnly = preservation,
            EmergencyClaim = emergency,
            Subjects = subjects.DistinctBy(s => s.AccountReference).ToList(),
            RequestedData = data,
            LegalAnalysis = new LegalAnalysis(analysis, null),
        };

    private static Gen<Subject> SubjectGen() =>
        from account in Gen.Choose(1, 6)
        from status in Flip(SubjectStatus.Suspect, Enum.GetValues<SubjectStatus>()[1..])
        from offences in Gen.Frequency(
            (3, Gen.Elements(OffenceCategory.Terrorism, OffenceCategory.DrugTrafficking).Select(o => new[] { o })),
            (2, Gen.SubListOf(Enum.GetValues<OffenceCategory>()[1..]).Select(l => l.Take(3).ToArray())))
        select new Subject($"user:{account}", status, offences);

    // Mostly the value the rules want, sometimes any value: a mix of permitted, partial, pending and denied decisions.
    private static Gen<T> Flip<T>(T usual, T[] any) => Gen.Frequency((5, Gen.Constant(usual)), (1, Gen.Elements(any)));
}
