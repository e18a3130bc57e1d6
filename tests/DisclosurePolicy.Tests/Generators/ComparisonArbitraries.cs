using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>
/// Generators for comparing versions: valid requests across every fact, and host-defined rule versions built through
/// the public rule model (random clauses over every kind of fact test, random effects, random dated catalogues).
/// </summary>
public static class ComparisonArbitraries
{
    private static readonly string[] Countries = ["DE", "FR", "IT", "NL", "US", "IN", "BR", "RU", "GB", "JP"];

    private static readonly InstrumentKind[] PreservationInstruments = [InstrumentKind.PreservationRequest, InstrumentKind.EuropeanPreservationOrder];

    public static Arbitrary<LegalRequest> ValidRequest() => Arb.From(Requests);

    public static Arbitrary<RuleVersion> HostVersion() => Arb.From(Versions);

    public static Gen<LegalRequest> Requests =>
        from date in Dates(new LocalDate(2016, 1, 1), Period.Between(new LocalDate(2016, 1, 1), Engines.DecidedAt.InUtc().Date, PeriodUnits.Days).Days)
        from instrument in Values<InstrumentKind>()
        from authority in Values<IssuingAuthorityKind>()
        from country in Gen.Elements(Countries)
        from proceeding in Values<ProceedingKind>()
        from flags in Gen.Choose(0, 15)
        from recipient in Values<RecipientKind>()
        from channel in Values<RequestChannel>()
        from verification in Values<OriginVerification>()
        from subjects in Gen.Choose(1, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => Subjects(i)))
        from data in Gen.SubListOf(Enum.GetValues<DataCategory>().Skip(1)).Where(l => l.Count > 0).SelectMany(l => Gen.Shuffle(l.ToArray()))
        from analysis in Values<LegalAnalysisOutcome>()
        select new LegalRequest
        {
            Id = "generated",
            ReceivedOn = date,
            Instrument = instrument,
            Authority = new IssuingAuthority(authority, null),
            Jurisdiction = new Jurisdiction(country),
            Proceeding = proceeding,
            OrderIsValid = (flags & 1) != 0,
            IssuerIsRelevant = (flags & 2) != 0,
            PreservationOnly = (flags & 4) != 0 || PreservationInstruments.Contains(instrument),
            EmergencyClaim = (flags & 8) != 0,
            Recipient = recipient,
            Provenance = new Provenance(channel, verification),
            Subjects = subjects,
            RequestedData = [.. data],
            LegalAnalysis = new LegalAnalysis(analysis, null),
        };

    /// <summary>A host-defined version: up to three clauses of up to two fact tests each, so spaces stay small.</summary>
    public static Gen<RuleVersion> Versions =>
        from id in Gen.Choose(1, 999)
        from start in Dates(new LocalDate(2016, 1, 1), 3000)
        from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 2000).Select(d => (int?)d)))
        from catalogue in Gen.Frequency((1, Gen.Constant(BuiltInRules.TermsOfService)), (1, Catalogues))
        from clauses in Gen.Choose(1, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => Clauses(i)))
        select new RuleVersion(
            $"H{id}",
            "Host-defined version",
            start,
            length is int days ? start.PlusDays(days) : null,
            "Host policy",
            "Host wording",
            ReportingCadence.Quarterly,
            catalogue,
            clauses,
            null);

    private static Gen<TosCatalogue> Catalogues =>
        from entries in Gen.CollectToArray(Enum.GetValues<TosItem>().Skip(1), item =>
            from start in Dates(new LocalDate(2016, 1, 1), 4000)
            from end in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 1500).Select(d => (int?)d)))
            select new TosCatalogueEntry(item, item.ToString(), start, end is int e ? start.PlusDays(e) : null))
        from mapped in Gen.SubListOf(Enum.GetValues<OffenceCategory>().Skip(1))
        from mappings in Gen.CollectToArray(mapped, offence =>
            Gen.SubListOf(Enum.GetValues<TosItem>().Skip(1)).Select(items => new OffenceMapping(offence, items)))
        select new TosCatalogue(entries, mappings);

    private static Gen<Clause> Clauses(int index) =>
        from condition in Conditions(2)
        from effect in Effects
        select new Clause($"host/{index}", "Host policy", "host wording", "A host-defined clause.", condition, effect);

    private static Gen<ClauseEffect> Effects => Gen.Frequency(
        (3, Gen.Constant(ClauseEffect.Deny("HostDeny"))),
        (1, Gen.Constant(ClauseEffect.NotApplicable("HostNotApplicable"))),
        (1, Gen.Constant(ClauseEffect.Pending("HostPending"))),
        (4, NonEmpty<DataCategory>().Select(c => ClauseEffect.Permit("HostPermit", c))));

    private static Gen<Condition> Conditions(int atoms) => Gen.Frequency(
        (3, Atom),
        (1, Gen.Constant(Condition.Always)),
        (2, Gen.Choose(1, atoms).SelectMany(n => Gen.ArrayOf(Atom, n)).SelectMany(a => Gen.Elements(Condition.All(a), Condition.Any(a), Condition.Not(Condition.All(a))))));

    private static Gen<Condition> Atom => Gen.OneOf(
        NonEmpty<InstrumentKind>().Select(v => Condition.InstrumentIs(v)),
        NonEmpty<IssuingAuthorityKind>().Select(v => Condition.AuthorityIs(v)),
        NonEmpty<ProceedingKind>().Select(v => Condition.ProceedingIs(v)),
        NonEmpty<RecipientKind>().Select(v => Condition.RecipientIs(v)),
        NonEmpty<OriginVerification>().Select(v => Condition.VerificationIs(v)),
        NonEmpty<LegalAnalysisOutcome>().Select(v => Condition.LegalAnalysisIs(v)),
        NonEmpty<SubjectStatus>().Select(v => Condition.StatusIs(v)),
        NonEmpty<OffenceCategory>().Select(v => Condition.OffenceIsAnyOf(v)),
        NonEmpty<TosItem>().Select(v => Condition.TosItemIsAnyOf(v)),
        NonEmpty<DataCategory>().Select(v => Condition.DataCategoryIs(v)),
        Gen.SubListOf(Countries).Where(l => l.Count > 0).Select(v => Condition.JurisdictionIs(v)),
        Gen.Elements(Fact.EuMemberState, Fact.OrderValid, Fact.IssuerRelevant, Fact.PreservationOnly, Fact.EmergencyClaim).Select(Condition.IsTrue));

    private static Gen<Subject> Subjects(int index) =>
        from status in Values<SubjectStatus>()
        from offences in Gen.SubListOf(Enum.GetValues<OffenceCategory>().Skip(1))
        select new Subject($"user:{index}", status, offences);

    private static Gen<T> Values<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>().Skip(1));

    private static Gen<T[]> NonEmpty<T>()
        where T : struct, Enum => Gen.SubListOf(Enum.GetValues<T>().Skip(1)).Where(l => l.Count > 0).Select(l => l.ToArray());

    private static Gen<LocalDate> Dates(LocalDate start, int days) => Gen.Choose(0, days).Select(start.PlusDays);
}
