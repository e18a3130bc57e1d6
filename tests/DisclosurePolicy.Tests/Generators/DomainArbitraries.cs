using DisclosurePolicy.Requests;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace DisclosurePolicy.Tests.Generators;

/// <summary>
/// The kit's request generators (DisclosurePolicy.Testing) over the part of the domain these tests decide in: receipt dates
/// from 1995 to the day the test engines decide on (a later receipt is inconsistent input, not a valid request), and a mix
/// of countries in and outside the EU. <see cref="ValidRequest"/> mixes requests drawn uniformly from every fact with near
/// permits of V1 and V2; <see cref="InvalidRequest"/> injects one to three validation problems and records where each must
/// be reported.
/// </summary>
public static class DomainArbitraries
{
    /// <summary>The scope of the generated requests.</summary>
    public static readonly RequestScope Scope = RequestScope.Everything
        .WithCountries("DE", "FR", "US", "IN", "BR", "RU", "GB", "ES", "PL", "UA", "JP", "XK")
        .WithReceivedBetween(new LocalDate(1995, 1, 1), Engines.DecidedAt.InUtc().Date);

    private static readonly Arbitrary<ValidRequest> Valid = RequestGenerators.Valid(Scope);

    private static readonly Arbitrary<InvalidRequest> Invalid = RequestGenerators.Invalid(Scope);

    /// <summary>Gets the generator of valid requests.</summary>
    public static Gen<LegalRequest> ValidRequestGen { get; } = Valid.Generator.Select(v => v.Request);

    /// <summary>Gets the generator of invalid requests with the paths of their problems.</summary>
    public static Gen<InvalidRequest> InvalidRequestGen { get; } = Invalid.Generator;

    /// <summary>Valid requests over the whole domain.</summary>
    public static Arbitrary<ValidRequest> ValidRequests() => Valid;

    /// <summary>Requests with one to three validation problems.</summary>
    public static Arbitrary<InvalidRequest> InvalidRequests() => Invalid;

    /// <summary>Every member of an enum except <c>Unspecified</c> (zero).</summary>
    public static T[] Members<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => !EqualityComparer<T>.Default.Equals(v, default))];
}
