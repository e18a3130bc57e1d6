using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Testing.Internal;

/// <summary>
/// Smaller requests than a given one, for FsCheck to try when a property fails: fewer accounts, data categories and
/// offences, no optional parts, flags off, a short id. Each candidate is valid and inside the scope, and each is strictly
/// smaller, so shrinking ends.
/// </summary>
internal static class RequestShrinker
{
    public static IEnumerable<LegalRequest> Shrink(LegalRequest request, RequestScope scope) =>
        Candidates(RequestFacts.Of(request))
            .Select(f => FactChanges.Normalize(f).ToRequest())
            .Where(r => r.Validate().IsValid && scope.Contains(r));

    private static IEnumerable<RequestFacts> Candidates(RequestFacts f)
    {
        if (f.Subjects.Count > 1)
        {
            yield return f with { Subjects = [f.Subjects[0]] };
            for (int i = 0; i < f.Subjects.Count; i++)
            {
                int drop = i;
                yield return f with { Subjects = [.. f.Subjects.Where((_, j) => j != drop)] };
            }
        }

        if (f.RequestedData.Count > 1)
        {
            yield return f with { RequestedData = [f.RequestedData[0]] };
            for (int i = 0; i < f.RequestedData.Count; i++)
            {
                int drop = i;
                yield return f with { RequestedData = [.. f.RequestedData.Where((_, j) => j != drop)] };
            }
        }

        for (int s = 0; s < f.Subjects.Count; s++)
        {
            Subject subject = f.Subjects[s]!;
            for (int o = 0; o < subject.Offences.Count; o++)
            {
                int at = s;
                int drop = o;
                var fewer = new Subject(subject.AccountReference, subject.Status, subject.Offences.Where((_, j) => j != drop));
                yield return f with { Subjects = [.. f.Subjects.Select((x, j) => j == at ? fewer : x)] };
            }
        }

        if (f.EmergencyClaim)
        {
            yield return f with { EmergencyClaim = false };
        }

        if (f.PreservationOnly && !FactChanges.IsPreservation(f.Instrument))
        {
            yield return f with { PreservationOnly = false };
        }

        if (f.IssuedOn is not null)
        {
            yield return f with { IssuedOn = null };
        }

        if (f.Authority?.Name is not null)
        {
            yield return f with { Authority = new IssuingAuthority(f.Authority.Kind, null) };
        }

        if (f.LegalAnalysis?.Grounds is not null)
        {
            yield return f with { LegalAnalysis = new LegalAnalysis(f.LegalAnalysis.Outcome, null) };
        }

        if (f.Id != "r")
        {
            yield return f with { Id = "r" };
        }
    }
}
