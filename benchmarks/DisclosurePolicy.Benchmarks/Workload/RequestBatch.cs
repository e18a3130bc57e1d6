using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Benchmarks.Workload;

/// <summary>
/// Generates a deterministic batch of valid requests: mixed receipt dates (so every rule version is in force for some),
/// mixed outcomes (each fact that a clause tests is sometimes wrong) and mixed sizes (1 to 6 accounts, 1 to 6 data
/// categories).
/// </summary>
/// <remarks><para>The same seed always gives the same requests (<see cref="Random(int)"/> is stable for a seed).</para></remarks>
public static class RequestBatch
{
    /// <summary>The instant the benchmarks' engines decide at: after the batch's last receipt date (2026-08-22), since a
    /// request received after the day of the decision is inconsistent input.</summary>
    public static readonly NodaTime.Instant DecidedAt = NodaTime.Instant.FromUtc(2026, 9, 1, 0, 0);

    /// <summary>The seed of the published batch.</summary>
    public const int Seed = 20240923;

    /// <summary>The size of the published batch.</summary>
    public const int Size = 10_000;

    private static readonly string[] Countries = ["FR", "DE", "US", "IN", "BR", "GB", "ES", "IT", "NL", "PL", "AE", "UA"];

    private static readonly InstrumentKind[] JudicialInstruments =
        [InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder, InstrumentKind.EuropeanProductionOrder];

    private static readonly IssuingAuthorityKind[] JudicialAuthorities =
        [IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge];

    private static readonly OffenceCategory[] MappedOffences =
    [
        OffenceCategory.Terrorism, OffenceCategory.ChildSexualAbuse, OffenceCategory.DrugTrafficking, OffenceCategory.FirearmsTrafficking,
        OffenceCategory.ForgedDocuments, OffenceCategory.OtherIllegalGoodsOrServices, OffenceCategory.FraudOrScam,
        OffenceCategory.PublicIncitementToViolence, OffenceCategory.PublicIllegalPornography,
    ];

    /// <summary>Generates the published batch (<see cref="Size"/> requests from <see cref="Seed"/>).</summary>
    /// <returns>The requests.</returns>
    public static LegalRequest[] Generate() => Generate(Size, Seed);

    /// <summary>Generates a batch.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The requests, each valid.</returns>
    /// <exception cref="InvalidOperationException">A generated request does not validate (a generator bug).</exception>
    public static LegalRequest[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var requests = new LegalRequest[count];
        for (int i = 0; i < count; i++)
        {
            LegalRequest request = Next(random, i);
            ValidationResult validation = request.Validate();
            if (!validation.IsValid)
            {
                throw new InvalidOperationException($"Generated request {request.Id} does not validate: {validation}");
            }

            requests[i] = request;
        }

        return requests;
    }

    private static LegalRequest Next(Random random, int index)
    {
        // 10 % before V1, 25 % under V1, 65 % under V2.
        double era = random.NextDouble();
        LocalDate receivedOn = era < 0.10 ? Day(random, new LocalDate(2015, 1, 1), new LocalDate(2018, 8, 13))
            : era < 0.35 ? Day(random, new LocalDate(2018, 8, 14), new LocalDate(2024, 9, 22))
            : Day(random, new LocalDate(2024, 9, 23), new LocalDate(2026, 8, 22));

        bool preservation = Chance(random, 0.05);
        InstrumentKind instrument = Chance(random, 0.12) ? Pick(random, Enum.GetValues<InstrumentKind>()[1..]) : Pick(random, JudicialInstruments);
        if (instrument is InstrumentKind.PreservationRequest or InstrumentKind.EuropeanPreservationOrder)
        {
            preservation = true;
        }

        IssuingAuthorityKind authority = Chance(random, 0.12) ? Pick(random, Enum.GetValues<IssuingAuthorityKind>()[1..]) : Pick(random, JudicialAuthorities);
        ProceedingKind proceeding = Chance(random, 0.08) ? Pick(random, Enum.GetValues<ProceedingKind>()[1..]) : ProceedingKind.Criminal;
        RecipientKind recipient = Chance(random, 0.06) ? Pick(random, Enum.GetValues<RecipientKind>()[1..]) : RecipientKind.LawEnforcementAuthority;
        OriginVerification verification = Chance(random, 0.06) ? Pick(random, Enum.GetValues<OriginVerification>()[1..]) : OriginVerification.VerifiedOutOfBand;
        LegalAnalysisOutcome analysis = random.NextDouble() switch
        {
            < 0.70 => LegalAnalysisOutcome.Passed,
            < 0.90 => LegalAnalysisOutcome.NotPerformed,
            _ => LegalAnalysisOutcome.Failed,
        };

        return new LegalRequest
        {
            Id = $"REQ-{index:D5}",
            ReceivedOn = receivedOn,
            IssuedOn = Chance(random, 0.8) ? receivedOn.PlusDays(-random.Next(0, 15)) : null,
            Instrument = instrument,
            Authority = new IssuingAuthority(authority, "Issuing office " + (index % 97).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Jurisdiction = new Jurisdiction(Pick(random, Countries)),
            Proceeding = proceeding,
            OrderIsValid = !Chance(random, 0.06),
            IssuerIsRelevant = !Chance(random, 0.06),
            Recipient = recipient,
            Provenance = new Provenance(Pick(random, Enum.GetValues<RequestChannel>()[1..]), verification),
            PreservationOnly = preservation,
            EmergencyClaim = Chance(random, 0.05),
            Subjects = Subjects(random, index),
            RequestedData = Categories(random),
            LegalAnalysis = new LegalAnalysis(analysis, analysis == LegalAnalysisOutcome.NotPerformed ? null : "Reviewed on receipt."),
        };
    }

    private static Subject[] Subjects(Random random, int index)
    {
        // Mostly one account; sometimes a handful.
        int count = random.NextDouble() switch
        {
            < 0.55 => 1,
            < 0.80 => 2,
            < 0.95 => random.Next(3, 5),
            _ => 6,
        };

        var subjects = new Subject[count];
        for (int s = 0; s < count; s++)
        {
            SubjectStatus status = Chance(random, 0.15)
                ? Pick(random, Enum.GetValues<SubjectStatus>()[1..])
                : Chance(random, 0.3) ? SubjectStatus.Accused : SubjectStatus.Suspect;
            int offences = random.Next(1, 4);
            var list = new List<OffenceCategory>(offences);
            for (int o = 0; o < offences; o++)
            {
                OffenceCategory offence = Chance(random, 0.75) ? Pick(random, MappedOffences) : Pick(random, Enum.GetValues<OffenceCategory>()[1..]);
                if (!list.Contains(offence))
                {
                    list.Add(offence);
                }
            }

            subjects[s] = new Subject($"user:{index}-{s}", status, list);
        }

        return subjects;
    }

    private static DataCategory[] Categories(Random random)
    {
        if (Chance(random, 0.5))
        {
            return [DataCategory.IpAddress, DataCategory.PhoneNumber];
        }

        DataCategory[] all = Enum.GetValues<DataCategory>()[1..];
        int count = random.Next(1, 7);
        var picked = new List<DataCategory>(count);
        while (picked.Count < count)
        {
            // Half the picks are the disclosable categories, so partial permits are common.
            DataCategory category = Chance(random, 0.5) ? Pick(random, [DataCategory.IpAddress, DataCategory.PhoneNumber]) : Pick(random, all);
            if (!picked.Contains(category))
            {
                picked.Add(category);
            }
        }

        return [.. picked];
    }

    private static LocalDate Day(Random random, LocalDate from, LocalDate until) =>
        from.PlusDays(random.Next(0, Period.Between(from, until, PeriodUnits.Days).Days + 1));

    private static bool Chance(Random random, double probability) => random.NextDouble() < probability;

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
