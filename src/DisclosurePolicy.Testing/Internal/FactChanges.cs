using System.Globalization;
using DisclosurePolicy.Requests;
using NodaTime;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>Changes of one fact of a request to each other value it can take inside a scope, each with its description.</summary>
internal static class FactChanges
{
    public static IEnumerable<(string Change, RequestFacts Facts)> Single(RequestFacts f, RequestScope scope)
    {
        foreach (InstrumentKind v in scope.Instruments.Where(v => v != f.Instrument))
        {
            yield return ($"instrument: {f.Instrument} -> {v}", Normalize(f with { Instrument = v }));
        }

        foreach (IssuingAuthorityKind v in Members<IssuingAuthorityKind>().Where(v => v != f.Authority!.Kind))
        {
            yield return ($"authority.kind: {f.Authority!.Kind} -> {v}", f with { Authority = new IssuingAuthority(v, f.Authority.Name) });
        }

        foreach (string v in scope.Countries.Where(v => !new Jurisdiction(v).Equals(f.Jurisdiction)))
        {
            yield return ($"jurisdiction: {f.Jurisdiction.Code} -> {v}", f with { Jurisdiction = new Jurisdiction(v) });
        }

        foreach (ProceedingKind v in Members<ProceedingKind>().Where(v => v != f.Proceeding))
        {
            yield return ($"proceeding: {f.Proceeding} -> {v}", f with { Proceeding = v });
        }

        yield return ($"orderIsValid: {Bool(f.OrderIsValid)} -> {Bool(!f.OrderIsValid)}", f with { OrderIsValid = !f.OrderIsValid });
        yield return ($"issuerIsRelevant: {Bool(f.IssuerIsRelevant)} -> {Bool(!f.IssuerIsRelevant)}", f with { IssuerIsRelevant = !f.IssuerIsRelevant });
        yield return ($"preservationOnly: {Bool(f.PreservationOnly)} -> {Bool(!f.PreservationOnly)}", f with { PreservationOnly = !f.PreservationOnly });
        yield return ($"emergencyClaim: {Bool(f.EmergencyClaim)} -> {Bool(!f.EmergencyClaim)}", f with { EmergencyClaim = !f.EmergencyClaim });

        foreach (RecipientKind v in Members<RecipientKind>().Where(v => v != f.Recipient))
        {
            yield return ($"recipient: {f.Recipient} -> {v}", f with { Recipient = v });
        }

        foreach (OriginVerification v in Members<OriginVerification>().Where(v => v != f.Provenance!.Verification))
        {
            yield return ($"provenance.verification: {f.Provenance!.Verification} -> {v}", f with { Provenance = new Provenance(f.Provenance.Channel, v) });
        }

        Subject subject = f.Subjects[0]!;
        foreach (SubjectStatus v in Members<SubjectStatus>().Where(v => v != subject.Status))
        {
            yield return ($"subjects[0].status: {subject.Status} -> {v}", f with { Subjects = [new Subject(subject.AccountReference, v, subject.Offences), .. f.Subjects.Skip(1)] });
        }

        string offences = $"[{string.Join(", ", subject.Offences)}]";
        foreach (OffenceCategory[] v in Members<OffenceCategory>().Select(o => new[] { o }).Prepend([]))
        {
            if (!v.SequenceEqual(subject.Offences))
            {
                yield return ($"subjects[0].offences: {offences} -> [{string.Join(", ", v)}]", f with { Subjects = [new Subject(subject.AccountReference, subject.Status, v), .. f.Subjects.Skip(1)] });
            }
        }

        foreach (DataCategory v in Members<DataCategory>().Where(v => !f.RequestedData.SequenceEqual([v])))
        {
            yield return ($"requestedData: [{string.Join(", ", f.RequestedData)}] -> [{v}]", f with { RequestedData = [v] });
        }

        foreach (LegalAnalysisOutcome v in Members<LegalAnalysisOutcome>().Where(v => v != f.LegalAnalysis!.Outcome))
        {
            yield return ($"legalAnalysis.outcome: {f.LegalAnalysis!.Outcome} -> {v}", f with { LegalAnalysis = new LegalAnalysis(v, null) });
        }

        foreach (LocalDate v in new[] { scope.ReceivedFrom, scope.ReceivedTo }.Distinct().Where(v => v != f.ReceivedOn))
        {
            yield return ($"receivedOn: {Date(f.ReceivedOn)} -> {Date(v)}", Normalize(f with { ReceivedOn = v }));
        }
    }

    /// <summary>Every member of an enum except the invalid zero member <c>Unspecified</c>.</summary>
    public static T[] Members<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => !EqualityComparer<T>.Default.Equals(v, default))];

    /// <summary>Keeps a request valid after a change: preservation instruments ask only for preservation, and no order is
    /// issued after its receipt.</summary>
    public static RequestFacts Normalize(RequestFacts f) => f with
    {
        PreservationOnly = f.PreservationOnly || IsPreservation(f.Instrument),
        IssuedOn = f.IssuedOn is LocalDate issued && issued > f.ReceivedOn ? null : f.IssuedOn,
    };

    public static bool IsPreservation(InstrumentKind kind) => kind is InstrumentKind.PreservationRequest or InstrumentKind.EuropeanPreservationOrder;

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Date(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
