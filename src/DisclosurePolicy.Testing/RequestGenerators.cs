using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing.Internal;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace DisclosurePolicy.Testing;

/// <summary>
/// FsCheck generators of legal requests, restricted to a <see cref="RequestScope"/>: valid requests spread over every fact
/// the rule versions' clauses test, near misses of a version's permits (one clause broken at a time), and invalid requests
/// with the paths their problems must be reported at.
/// </summary>
/// <remarks>
/// <para>Valid requests are drawn half uniformly (every enum member, one to three accounts, one to four data categories,
/// receipt dates spread evenly over the periods of the given versions) and half from the permits of the given versions with
/// up to three facts redrawn, so that both the permit path and every deny path are exercised. The permits are found
/// exactly, by comparing each version with one that permits nothing, so a host's version gets its own.</para>
/// <para>Valid requests shrink towards one account, one data category, no offences beyond the needed ones, no optional
/// parts and the id <c>r</c>, staying valid and inside the scope.</para>
/// <para>To use them in a property, return them from a class of your own, such as
/// <c>public static Arbitrary&lt;ValidRequest&gt; German() =&gt; RequestGenerators.Valid(RequestScope.Everything.WithCountries("DE"));</c>,
/// and name it in the property's <c>Arbitrary</c> list; <see cref="DefaultArbitraries"/> is such a class for the whole domain.</para>
/// </remarks>
public static class RequestGenerators
{
    private static readonly string[] Accounts = ["user:1001", "user:1002", "@alice", "@bob", "+33612345678"];

    /// <summary>Valid requests inside a scope, mixed with the near permits of the built-in versions.</summary>
    /// <param name="scope">The countries, instruments and receipt dates to draw from.</param>
    /// <returns>The arbitrary, with its shrinker.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    public static Arbitrary<ValidRequest> Valid(RequestScope scope) => Valid(scope, BuiltInRules.Policy.Versions);

    /// <summary>Valid requests inside a scope, mixed with the near permits of some versions (for example a host's own).</summary>
    /// <param name="scope">The countries, instruments and receipt dates to draw from.</param>
    /// <param name="versions">The versions whose permits and periods the requests gather around; at least one.</param>
    /// <returns>The arbitrary, with its shrinker.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No version is given.</exception>
    public static Arbitrary<ValidRequest> Valid(RequestScope scope, params IEnumerable<RuleVersion> versions)
    {
        Gen<LegalRequest> valid = ValidGen(scope, versions);
        return Arb.From(valid.Select(r => new ValidRequest(r)), v => RequestShrinker.Shrink(v.Request, scope).Select(r => new ValidRequest(r)));
    }

    /// <summary>Requests with one to three validation problems, each with the path at which it must be reported.</summary>
    /// <param name="scope">The scope of the valid requests the problems are injected into.</param>
    /// <returns>The arbitrary (invalid requests are not shrunk: a smaller one might lose the problem under test).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    public static Arbitrary<InvalidRequest> Invalid(RequestScope scope) =>
        Arb.From(RequestProblems.Inject(ValidGen(scope, BuiltInRules.Policy.Versions)));

    /// <summary>Near misses of a version's permits over the whole domain: see <see cref="NearMisses(RuleVersion, RequestScope)"/>.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The arbitrary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The version permits nothing, so it has no near misses.</exception>
    public static Arbitrary<NearMiss> NearMisses(RuleVersion version) => NearMisses(version, RequestScope.Everything);

    /// <summary>Near misses of a version's permits inside a scope: each a permitted request with one fact changed so that
    /// exactly one clause stops the permit. Drawn from <see cref="AllNearMisses"/>, which are already single-item requests,
    /// so they are not shrunk further.</summary>
    /// <param name="version">The version.</param>
    /// <param name="scope">The countries, instruments and receipt dates to stay inside.</param>
    /// <returns>The arbitrary.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The version permits nothing inside the scope, so it has no near misses.</exception>
    public static Arbitrary<NearMiss> NearMisses(RuleVersion version, RequestScope scope)
    {
        IReadOnlyList<NearMiss> all = AllNearMisses(version, scope);
        if (all.Count == 0)
        {
            throw new ArgumentException($"Version {version.Id} permits nothing inside the scope ({scope}), so no request is a near miss of a permit.", nameof(version));
        }

        return Arb.From(Gen.Elements(all.ToArray()));
    }

    /// <summary>Every near miss of every permit of a version inside a scope: for each region of requests the version permits,
    /// its example with each other value of each fact, kept when exactly one clause then stops the permit.</summary>
    /// <param name="version">The version.</param>
    /// <param name="scope">The scope.</param>
    /// <returns>The near misses, in a stable order (empty when the version permits nothing inside the scope).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<NearMiss> AllNearMisses(RuleVersion version, RequestScope scope)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(scope);
        return Array.AsReadOnly(PermitSeeds.NearMisses(version, scope));
    }

    /// <summary>The smaller requests FsCheck tries when a property fails on a valid request: see the remarks of this class.</summary>
    /// <param name="request">The request.</param>
    /// <param name="scope">The scope each smaller request stays inside.</param>
    /// <returns>Valid, strictly smaller requests.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IEnumerable<LegalRequest> Shrink(LegalRequest request, RequestScope scope)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        return RequestShrinker.Shrink(request, scope);
    }

    private static Gen<LegalRequest> ValidGen(RequestScope scope, IEnumerable<RuleVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(versions);
        RuleVersion[] all = [.. versions];
        if (all.Length == 0)
        {
            throw new ArgumentException("At least one version is needed.", nameof(versions));
        }

        Gen<LocalDate> dates = Dates(scope, all);
        Gen<RequestFacts> uniform = Uniform(scope, dates);

        // The permits are found on first use, not when the arbitrary is built.
        var seeds = new Lazy<LegalRequest[]>(() => [.. all.SelectMany(v => PermitSeeds.Of(v, scope))]);
        Gen<RequestFacts> near = Gen.Constant(0).SelectMany(_ => seeds.Value.Length == 0 ? uniform : NearPermitted(seeds.Value, scope, dates));
        return Gen.Frequency((1, uniform), (1, near))
            .Select(FactChanges.Normalize)
            .Select(f => f.ToRequest());
    }

    private static Gen<T> Any<T>()
        where T : struct, Enum => Gen.Elements(FactChanges.Members<T>());

    private static Gen<bool> Bool() => Gen.Elements(true, false);

    private static Gen<LocalDate> Between(LocalDate from, LocalDate to) =>
        Gen.Choose(0, Period.Between(from, to, PeriodUnits.Days).Days).Select(d => from.PlusDays(d));

    /// <summary>Receipt dates: a stretch between two version boundaries picked evenly, then a day in it, with the boundary
    /// days themselves weighted in.</summary>
    private static Gen<LocalDate> Dates(RequestScope scope, RuleVersion[] versions)
    {
        LocalDate from = scope.ReceivedFrom;
        LocalDate to = scope.ReceivedTo;
        LocalDate[] starts = [.. versions.SelectMany(v => new LocalDate?[] { v.EffectiveFrom, v.EffectiveUntil?.PlusDays(1) })
            .OfType<LocalDate>()
            .Where(d => d > from && d <= to)
            .Append(from)
            .Distinct()
            .Order()];
        Gen<LocalDate>[] stretches = [.. starts.Select((s, i) => Between(s, i + 1 < starts.Length ? starts[i + 1].PlusDays(-1) : to))];
        LocalDate[] edges = [.. starts.SelectMany(s => new[] { s, s.PlusDays(-1) }).Append(to).Where(d => d >= from && d <= to).Distinct().Order()];
        return Gen.Frequency((5, Gen.OneOf(stretches)), (1, Gen.Elements(edges)));
    }

    private static Gen<LocalDate?> IssuedBefore(LocalDate received) =>
        Gen.Frequency(
            (1, Gen.Constant<LocalDate?>(null)),
            (3, Gen.Choose(0, 90).Select(d => (LocalDate?)received.PlusDays(-d))));

    private static Gen<OffenceCategory[]> AnyOffences() =>
        from n in Gen.Choose(0, 3)
        from o in Gen.ArrayOf(Any<OffenceCategory>(), n)
        select o.Distinct().ToArray();

    private static Gen<IReadOnlyList<Subject?>> Subjects(Gen<SubjectStatus> status, Gen<OffenceCategory[]> offences) =>
        from n in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)))
        from accounts in Gen.Shuffle(Accounts)
        from subjects in Gen.CollectToArray(accounts.Take(n), a =>
            from s in status
            from o in offences
            select (Subject?)new Subject(a, s, o))
        select (IReadOnlyList<Subject?>)subjects;

    private static Gen<IReadOnlyList<DataCategory>> AnyCategories() =>
        from n in Gen.Choose(1, 4)
        from all in Gen.Shuffle(FactChanges.Members<DataCategory>())
        select (IReadOnlyList<DataCategory>)[.. all.Take(n)];

    private static Gen<RequestFacts> Uniform(RequestScope scope, Gen<LocalDate> dates) =>
        from id in Gen.Choose(1, 99_999).Select(n => $"REQ-{n}")
        from received in dates
        from issued in IssuedBefore(received)
        from instrument in Gen.Elements(scope.Instruments.ToArray())
        from authority in Any<IssuingAuthorityKind>()
        from name in Gen.Elements<string?>("Tribunal judiciaire de Paris", "Amtsgericht Tiergarten", null)
        from code in Gen.Elements(scope.Countries.ToArray())
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

    /// <summary>A permitted request, spread to one to three accounts with the same facts and the permitted category, with up
    /// to three facts redrawn.</summary>
    private static Gen<RequestFacts> NearPermitted(LegalRequest[] seeds, RequestScope scope, Gen<LocalDate> dates)
    {
        Gen<RequestFacts> permitted =
            from seed in Gen.Elements(seeds)
            from id in Gen.Choose(1, 99_999).Select(n => $"REQ-{n}")
            from n in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)))
            from accounts in Gen.Shuffle(Accounts)
            let subject = seed.Subjects[0]
            select RequestFacts.Of(seed) with
            {
                Id = id,
                Subjects = [.. accounts.Take(n).Select(a => (Subject?)new Subject(a, subject.Status, subject.Offences))],
            };
        return from facts in permitted
               from n in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
               from changes in Gen.ArrayOf(Redraw(scope, dates), n)
               select changes.Aggregate(facts, (f, change) => change(f));
    }

    /// <summary>Redraws one fact from its whole domain (inside the scope).</summary>
    private static Gen<Func<RequestFacts, RequestFacts>> Redraw(RequestScope scope, Gen<LocalDate> dates) => Gen.OneOf(
        dates.Select(d => Change(f => f with { ReceivedOn = d })),
        Gen.Elements(scope.Instruments.ToArray()).Select(v => Change(f => f with { Instrument = v })),
        Gen.Elements(scope.Countries.ToArray()).Select(v => Change(f => f with { Jurisdiction = new Jurisdiction(v) })),
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
}
