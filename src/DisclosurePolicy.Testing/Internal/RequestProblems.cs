using DisclosurePolicy.Requests;
using FsCheck;
using FsCheck.Fluent;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>One injected problem per group of fields; each returns the broken facts and the path validation must name.</summary>
internal static class RequestProblems
{
    private static readonly InstrumentKind[] PreservationInstruments = [InstrumentKind.PreservationRequest, InstrumentKind.EuropeanPreservationOrder];

    public static Gen<InvalidRequest> Inject(Gen<LegalRequest> valid)
    {
        Gen<Func<RequestFacts, (RequestFacts Facts, string Path)>>[] problems = All();
        return from request in valid
               from order in Gen.Shuffle(Enumerable.Range(0, problems.Length))
               from n in Gen.Choose(1, 3)
               from breaks in Gen.CollectToArray(order.Take(n).Select(i => problems[i]))
               select Apply(RequestFacts.Of(request), breaks);
    }

    private static Gen<Func<RequestFacts, (RequestFacts Facts, string Path)>>[] All() =>
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

    private static Func<RequestFacts, (RequestFacts Facts, string Path)> Break(Func<RequestFacts, (RequestFacts Facts, string Path)> change) => change;

    private static RequestFacts WithSubject(RequestFacts f, int index, Func<Subject, Subject?> replace)
    {
        int i = index % f.Subjects.Count;
        return f with { Subjects = [.. f.Subjects.Select((s, j) => j == i ? replace(s!) : s)] };
    }

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
