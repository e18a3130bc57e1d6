using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>
/// FsCheck generators over the whole request domain. <see cref="ValidRequest"/> mixes requests drawn uniformly from every
/// enum member, date range and jurisdiction with "near-permitted" ones (a request every clause of a version accepts, with
/// up to three facts redrawn), so both the allow path and every deny path are exercised. <see cref="InvalidRequest"/>
/// injects one to three validation problems into a valid request and records where each must be reported.
/// </summary>
public static class DomainArbitraries
{
    private static readonly LocalDate LastV0Day = BuiltInRules.V1Start.PlusDays(-1);
    private static readonly LocalDate LastV1Day = BuiltInRules.V2Start.PlusDays(-1);

    // The test engines decide on this day: a request received later is inconsistent input, not a valid request.
    private static readonly LocalDate DecisionDay = Engines.DecidedAt.InUtc().Date;

    private static readonly InstrumentKind[] PreservationInstruments =
        [InstrumentKind.PreservationRequest, InstrumentKind.EuropeanPreservationOrder];

    private static readonly InstrumentKind[] DisclosureCourtInstruments =
    [
        InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder,
        InstrumentKind.EuropeanProductionOrder, InstrumentKind.CivilCourtOrder,
    ];

    private static readonly string[] Codes = ["DE", "FR", "US", "IN", "BR", "RU", "GB", "ES", "PL", "UA", "JP", "XK", "de", " fr "];

    private static readonly string[] Accounts = ["user:1001", "user:1002", "@alice", "@bob", "+33612345678"];

    /// <summary>Gets the generator of valid requests.</summary>
    public static Gen<LegalRequest> ValidRequestGen { get; } =
        Gen.Frequency((1, Uniform()), (1, NearPermitted())).Select(Normalize).Select(f => f.ToRequest());

    /// <summary>Gets the generator of invalid requests with the paths of their problems.</summary>
    public static Gen<InvalidRequest> InvalidRequestGen { get; } = Invalid();

    /// <summary>Valid requests over the whole domain.</summary>
    public static Arbitrary<ValidRequest> ValidRequests() => Arb.From(ValidRequestGen.Select(r => new ValidRequest(r)));

    /// <summary>Requests with one to three validation problems.</summary>
    public static Arbitrary<InvalidRequest> InvalidRequests() => Arb.From(InvalidRequestGen);

    /// <summary>Every member of an enum except <c>Unspecified</c> (zero).</summary>
    public static T[] Members<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => !EqualityComparer<T>.Default.Equals(v, default))];

    private static Gen<T> Any<T>()
        where T : struct, Enum => Gen.Elements(Members<T>());

    private static Gen<bool> Bool() => Gen.Elements(true, false);

    private static Gen<LocalDate> Between(LocalDate from, LocalDate to) =>
        Gen.Choose(0, Period.Between(from, to, PeriodUnits.Days).Days).Select(d => from.PlusDays(d));

    /// <summary>Receipt dates across all three versions, with the boundary days and the extremes weighted in.</summary>
    private static Gen<LocalDate> AnyDate() => Gen.Frequency(
        (3, Between(new LocalDate(1995, 1, 1), LastV0Day)),
        (4, Between(BuiltInRules.V1Start, LastV1Day)),
        (4, Between(BuiltInRules.V2Start, DecisionDay)),
        (2, Gen.Elements(LastV0Day, BuiltInRules.V1Start, LastV1Day, BuiltInRules.V2Start, new LocalDate(2020, 12, 9), LocalDate.MinIsoValue)));

    private static Gen<LocalDate> DateIn(string version) => version switch
    {
        "V0" => Between(new LocalDate(2010, 1, 1), LastV0Day),
        "V1" => Between(BuiltInRules.V1Start, LastV1Day),
        _ => Between(BuiltInRules.V2Start, DecisionDay),
    };

    private static Gen<LocalDate?> IssuedBefore(LocalDate received) =>
        received < LocalDate.MinIsoValue.PlusDays(400)
            ? Gen.Constant<LocalDate?>(null)
            : Gen.Frequency(
                (1, Gen.Constant<LocalDate?>(null)),
                (3, Gen.Choose(0, 90).Select(d => (LocalDate?)received.PlusDays(-d))));

    private static Gen<Subject> SubjectGen(string account, Gen<SubjectStatus> status, Gen<OffenceCategory[]> offences) =>
        from s in status
        from o in offences
        select new Subject(account, s, o);

    private static Gen<OffenceCategory[]> AnyOffences() =>
        from n in Gen.Choose(0, 3)
        from o in Gen.ArrayOf(Any<OffenceCategory>(), n)
        select o;

    private static Gen<IReadOnlyList<Subject?>> Subjects(Gen<SubjectStatus> status, Gen<OffenceCategory[]> offences) =>
        from n in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)))
        from accounts in Gen.Shuffle(Accounts)
        from subjects in Gen.CollectToArray(accounts.Take(n), a => SubjectGen(a, status, offences))
        select (IReadOnlyList<Subject?>)subjects;

    private static Gen<IReadOnlyList<DataCategory>> AnyCategories() =>
        from n in Gen.Choose(1, 4)
        from all in Gen.Shuffle(Members<DataCategory>())
        select (IReadOnlyList<DataCategory>)[.. all.Take(n)];

    private static Gen<RequestFacts> Uniform() =>
        from id in Gen.Choose(1, 99_999).Select(n => $"REQ-{n}")
        from received in AnyDate()
        from issued in IssuedBefore(received)
        from instrument in Any<InstrumentKind>()
        from authority in Any<IssuingAuthorityKind>()
        from name in Gen.Elements<string?>("Tribunal judiciaire de Paris", "Amtsgericht Tiergarten", null)
        from code in Gen.Elements(Codes)
        from proceeding in Any<ProceedingKind>()
        from valid in Bool()
        from relevant in Bool()
        from recipient in Any<RecipientKind>()
        from channel in Any<RequestChannel>()
        from verification in Any<OriginVerification>()
        from preservation in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from emergency in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from subjects in Subjects(Any<SubjectStatus>(), AnyOffences())
        from data in Gen.Frequency(
            (3, AnyCategories()),
            (1, Gen.Elements<IReadOnlyList<DataCategory>>([DataCategory.IpAddress], [DataCategory.PhoneNumber], [DataCategory.IpAddress, DataCategory.PhoneNumber])))
        from analysis in Any<LegalAnalysisOutcome>()
        select new RequestFacts
        {
            Id = id,
            ReceivedOn = received,
            IssuedOn = issued,
            Instrument = instrument,
            Authority = new IssuingAuthority(authority, name),
            Jurisdiction = new Jurisdiction(code),
            Proceeding = proceeding,
            OrderIsValid = valid,
            IssuerIsRelevant = relevant,
            Recipient = recipient,
            Provenance = new Provenance(channel, verification),
            PreservationOnly = preservation,
            EmergencyClaim = emergency,
            Subjects = subjects,
            RequestedData = data,
            LegalAnalysis = new LegalAnalysis(analysis, null),
        };

    /// <summary>A request every clause of a version accepts (a terrorism or other Terms-of-Service-mapped case), with up to three facts redrawn.</summary>
    private static Gen<RequestFacts> NearPermitted()
    {
        Gen<OffenceCategory[]> offences =
            from first in Gen.Frequency((3, Gen.Constant(OffenceCategory.Terrorism)), (2, Gen.Elements(SpecOracle.TosMapped)))
            from n in Gen.Choose(0, 2)
            from extra in Gen.ArrayOf(Any<OffenceCategory>(), n)
            from all in Gen.Shuffle([first, .. extra])
            select all;
        Gen<RequestFacts> perfect =
            from version in Gen.Frequency((1, Gen.Constant("V0")), (3, Gen.Constant("V1")), (3, Gen.Constant("V2")))
            from received in DateIn(version)
            from issued in IssuedBefore(received)
            from instrument in Gen.Elements(DisclosureCourtInstruments)
            from authority in Gen.Elements(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge)
            from code in Gen.Elements(Codes)
            from recipient in Gen.Elements(RecipientKind.LawEnforcementAuthority, RecipientKind.JudicialAuthority, RecipientKind.OtherPublicAuthority)
            from channel in Any<RequestChannel>()
            from emergency in Bool()
            from subjects in Subjects(Gen.Elements(SubjectStatus.Suspect, SubjectStatus.Accused), offences)
            from data in Gen.Elements<IReadOnlyList<DataCategory>>(
                [DataCategory.IpAddress], [DataCategory.PhoneNumber], [DataCategory.IpAddress, DataCategory.PhoneNumber], [DataCategory.PhoneNumber, DataCategory.IpAddress])
            select new RequestFacts
            {
                Id = "REQ-NEAR",
                ReceivedOn = received,
                IssuedOn = issued,
                Instrument = instrument,
                Authority = new IssuingAuthority(authority, "Court"),
                Jurisdiction = new Jurisdiction(code),
                Proceeding = ProceedingKind.Criminal,
                OrderIsValid = true,
                IssuerIsRelevant = true,
                Recipient = recipient,
                Provenance = new Provenance(channel, OriginVerification.VerifiedOutOfBand),
                EmergencyClaim = emergency,
                Subjects = subjects,
                RequestedData = data,
                LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Passed, "Reviewed."),
            };
        return from facts in perfect
               from n in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
               from changes in Gen.ArrayOf(Redraw(), n)
               select changes.Aggregate(facts, (f, change) => change(f));
    }

    /// <summary>Redraws one fact from its whole domain.</summary>
    private static Gen<Func<RequestFacts, RequestFacts>> Redraw() => Gen.OneOf(
        AnyDate().Select(d => Change(f => f with { ReceivedOn = d })),
        Any<InstrumentKind>().Select(v => Change(f => f with { Instrument = v })),
        Any<IssuingAuthorityKind>().Select(v => Change(f => f with { Authority = new IssuingAuthority(v, f.Authority!.Name) })),
        Any<ProceedingKind>().Select(v => Change(f => f with { Proceeding = v })),
        Bool().Select(v => Change(f => f with { OrderIsValid = v })),
        Bool().Select(v => Change(f => f with { IssuerIsRelevant = v })),
        Any<RecipientKind>().Select(v => Change(f => f with { Recipient = v })),
        Any<OriginVerification>().Select(v => Change(f => f with { Provenance = new Provenance(f.Provenance!.Channel, v) })),
        Bool().Select(v => Change(f => f with { PreservationOnly = v })),
        Bool().Select(v => Change(f => f with { EmergencyClaim = v })),
        Any<LegalAnalysisOutcome>().Select(v => Change(f => f with { LegalAnalysis = new LegalAnalysis(v, null) })),
        AnyCategories().Select(v => Change(f => f with { RequestedData = v })),
        Gen.Zip(Gen.Choose(0, 2), Any<SubjectStatus>())
            .Select(p => Change(f => WithSubject(f, p.Item1, s => new Subject(s.AccountReference, p.Item2, s.Offences)))),
        Gen.Zip(Gen.Choose(0, 2), AnyOffences())
            .Select(p => Change(f => WithSubject(f, p.Item1, s => new Subject(s.AccountReference, s.Status, p.Item2)))),
        Gen.Zip(Any<SubjectStatus>(), AnyOffences())
            .Select(p => Change(f => f with { Subjects = [.. f.Subjects, new Subject($"user:{9000 + f.Subjects.Count}", p.Item1, p.Item2)] })));

    private static Func<RequestFacts, RequestFacts> Change(Func<RequestFacts, RequestFacts> change) => change;

    private static RequestFacts WithSubject(RequestFacts f, int index, Func<Subject, Subject?> replace)
    {
        int i = index % f.Subjects.Count;
        return f with { Subjects = [.. f.Subjects.Select((s, j) => j == i ? replace(s!) : s)] };
    }

    // Keeps a generated request valid: preservation instruments ask only for preservation, and no order is issued after receipt.
    private static RequestFacts Normalize(RequestFacts f) => f with
    {
        PreservationOnly = f.PreservationOnly || PreservationInstruments.Contains(f.Instrument),
        IssuedOn = f.IssuedOn is LocalDate issued && issued > f.ReceivedOn ? null : f.IssuedOn,
    };

    /// <summary>One injected problem per group of fields; each returns the broken facts and the path validation must name.</summary>
    private static Gen<Func<RequestFacts, (RequestFacts Facts, string Path)>>[] Problems() =>
    [
        Gen.Elements<string?>(null, string.Empty, "   ").Select(v => Break(f => (f with { Id = v }, "id"))),
        Gen.OneOf(
            Gen.Constant(Break(f => (f with { ReceivedOn = default }, "receivedOn"))),
            Gen.Choose(1, 30).Select(d => Break(f => (f with { IssuedOn = f.ReceivedOn.PlusDays(d) }, "issuedOn")))),
        Gen.OneOf(
            Gen.Elements(InstrumentKind.Unspecified, (InstrumentKind)99).Select(v => Break(f => (f with { Instrument = v }, "instrument"))),
            Gen.Elements(PreservationInstruments).Select(v => Break(f => (f with { Instrument = v, PreservationOnly = false }, "preservationOnly")))),
        Gen.OneOf(
            Gen.Constant(Break(f => (f with { Authority = null }, "authority"))),
            Gen.Elements(IssuingAuthorityKind.Unspecified, (IssuingAuthorityKind)77)
                .Select(v => Break(f => (f with { Authority = new IssuingAuthority(v, "Somebody") }, "authority.kind")))),
        Gen.Elements(default, new Jurisdiction("XX"), new Jurisdiction("EU"), new Jurisdiction("UK"), new Jurisdiction("USA"), new Jurisdiction("  "))
            .Select(v => Break(f => (f with { Jurisdiction = v }, "jurisdiction"))),
        Gen.Elements(ProceedingKind.Unspecified, (ProceedingKind)42).Select(v => Break(f => (f with { Proceeding = v }, "proceeding"))),
        Gen.Elements(RecipientKind.Unspecified, (RecipientKind)42).Select(v => Break(f => (f with { Recipient = v }, "recipient"))),
        Gen.Elements(
            Break(f => (f with { Provenance = null }, "provenance")),
            Break(f => (f with { Provenance = new Provenance(RequestChannel.Unspecified, f.Provenance!.Verification) }, "provenance.channel")),
            Break(f => (f with { Provenance = new Provenance(f.Provenance!.Channel, OriginVerification.Unspecified) }, "provenance.verification"))),
        Gen.Choose(0, 2).SelectMany(i => Gen.Elements(
            Break(f => (f with { Subjects = [] }, "subjects")),
            Break(f => (WithSubject(f, i, _ => null), $"subjects[{i % f.Subjects.Count}]")),
            Break(f => (WithSubject(f, i, s => new Subject(" ", s.Status, s.Offences)), $"subjects[{i % f.Subjects.Count}].accountReference")),
            Break(f => (WithSubject(f, i, s => new Subject(s.AccountReference, SubjectStatus.Unspecified, s.Offences)), $"subjects[{i % f.Subjects.Count}].status")),
            Break(f => (
                WithSubject(f, i, s => new Subject(s.AccountReference, s.Status, [.. s.Offences, OffenceCategory.Unspecified])),
                $"subjects[{i % f.Subjects.Count}].offences[{f.Subjects[i % f.Subjects.Count]!.Offences.Count}]")),
            Break(f => (
                f with { Subjects = [.. f.Subjects, new Subject(f.Subjects[0]!.AccountReference, SubjectStatus.Suspect, OffenceCategory.Terrorism)] },
                $"subjects[{f.Subjects.Count}].accountReference")))),
        Gen.Elements(
            Break(f => (f with { RequestedData = [] }, "requestedData")),
            Break(f => (f with { RequestedData = [.. f.RequestedData, DataCategory.Unspecified] }, $"requestedData[{f.RequestedData.Count}]")),
            Break(f => (f with { RequestedData = [.. f.RequestedData, (DataCategory)99] }, $"requestedData[{f.RequestedData.Count}]")),
            Break(f => (f with { RequestedData = [.. f.RequestedData, f.RequestedData[0]] }, $"requestedData[{f.RequestedData.Count}]"))),
        Gen.Elements(
            Break(f => (f with { LegalAnalysis = null }, "legalAnalysis")),
            Break(f => (f with { LegalAnalysis = new LegalAnalysis(LegalAnalysisOutcome.Unspecified, null) }, "legalAnalysis.outcome"))),
    ];

    private static Gen<InvalidRequest> Invalid()
    {
        Gen<Func<RequestFacts, (RequestFacts Facts, string Path)>>[] problems = Problems();
        return from valid in ValidRequestGen
               from order in Gen.Shuffle(Enumerable.Range(0, problems.Length))
               from n in Gen.Choose(1, 3)
               from breaks in Gen.CollectToArray(order.Take(n).Select(i => problems[i]))
               select Apply(RequestFacts.Of(valid), breaks);
    }

    private static Func<RequestFacts, (RequestFacts Facts, string Path)> Break(Func<RequestFacts, (RequestFacts Facts, string Path)> change) => change;

    private static InvalidRequest Apply(RequestFacts facts, Func<RequestFacts, (RequestFacts Facts, string Path)>[] breaks)
    {
        var paths = new List<string>();
        foreach (Func<RequestFacts, (RequestFacts Facts, string Path)> change in breaks)
        {
            (facts, string path) = change(facts);
            paths.Add(path);
        }

        return new InvalidRequest(facts.ToRequest(), paths);
    }
}
