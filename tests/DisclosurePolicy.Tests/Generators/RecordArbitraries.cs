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
/// <remarks>FsCheck draws a seed and the record is derived from it: cheap to generate in bulk, and a failing case is
/// reproduced from the seed printed with it.</remarks>
public static class RecordArbitraries
{
    private static readonly string[] Countries = ["DE", "FR", "US", "IN", "BR", "XX"];

    public static Arbitrary<RecordSample> Sample() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => new RecordSample(FromSeed("REQ-1", new Random(seed)))));

    public static Arbitrary<RecordBatch> Batch() =>
        Arb.From(
            from count in Gen.Choose(0, 30)
            from seed in Gen.Choose(0, int.MaxValue)
            select Batch(count, seed));

    public static RecordBatch Batch(int count, int seed)
    {
        var random = new Random(seed);
        return new RecordBatch([.. Enumerable.Range(1, count).Select(i => FromSeed($"REQ-{i:D3}", random))]);
    }

    public static DecisionRecord FromSeed(string id, Random random)
    {
        LegalRequest request = Request(id, random);
        int receivedSecond = random.Next(86_400);
        int delaySeconds = random.Next(4) == 0 ? random.Next(86_400 * 200) : random.Next(86_400 * 3);
        return Decide(request, receivedSecond, delaySeconds);
    }

    public static DecisionRecord Decide(LegalRequest request, int receivedSecond, int delaySeconds)
    {
        Instant receivedAt = request.ReceivedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromSeconds(receivedSecond);
        Instant decidedAt = receivedAt + Duration.FromSeconds(delaySeconds);
        Decision decision = new DisclosureEngine(BuiltInRules.Policy, new FakeClock(decidedAt)).Evaluate(request);
        return DecisionRecord.Create(request, receivedAt, decision, BuiltInRules.Policy.FindVersion(decision.VersionId));
    }

    public static LegalRequest Request(string id, Random random) => new()
    {
        Id = id,
        ReceivedOn = new LocalDate(2017, 6, 1).PlusDays(random.Next(3400)),
        Instrument = Flip(random, InstrumentKind.CourtOrder),
        Authority = new IssuingAuthority(Flip(random, IssuingAuthorityKind.Court), null),
        Jurisdiction = new Jurisdiction(Countries[random.Next(Countries.Length)]),
        Proceeding = Flip(random, ProceedingKind.Criminal),
        OrderIsValid = random.Next(6) != 0,
        IssuerIsRelevant = random.Next(6) != 0,
        Recipient = Flip(random, RecipientKind.LawEnforcementAuthority),
        Provenance = new Provenance(RequestChannel.LawEnforcementPortal, Flip(random, OriginVerification.VerifiedOutOfBand)),
        PreservationOnly = random.Next(13) == 0,
        EmergencyClaim = random.Next(9) == 0,
        Subjects = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Subject(random)).DistinctBy(s => s.AccountReference)],
        RequestedData = random.Next(3) != 0
            ? [DataCategory.IpAddress, DataCategory.PhoneNumber]
            : [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Any<DataCategory>(random)).Distinct()],
        LegalAnalysis = new LegalAnalysis(Flip(random, LegalAnalysisOutcome.Passed), null),
    };

    private static Subject Subject(Random random)
    {
        OffenceCategory[] offences = random.Next(5) < 3
            ? [random.Next(2) == 0 ? OffenceCategory.Terrorism : OffenceCategory.DrugTrafficking]
            : [.. Enumerable.Range(0, random.Next(4)).Select(_ => Any<OffenceCategory>(random)).Distinct()];
        return new Subject($"user:{1 + random.Next(6)}", Flip(random, SubjectStatus.Suspect), offences);
    }

    // Mostly the value the rules want, sometimes any value: a mix of permitted, partial, pending and denied decisions.
    private static T Flip<T>(Random random, T usual)
        where T : struct, Enum => random.Next(6) == 0 ? Any<T>(random) : usual;

    private static T Any<T>(Random random)
        where T : struct, Enum
    {
        T[] values = Enum.GetValues<T>();
        return values[1 + random.Next(values.Length - 1)];
    }
}
