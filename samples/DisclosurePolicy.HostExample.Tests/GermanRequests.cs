using DisclosurePolicy.Rules;
using DisclosurePolicy.Testing;
using FsCheck;
using NodaTime;

namespace DisclosurePolicy.HostExample.Tests;

/// <summary>The kit's generators restricted to what the variant is about: orders from Germany received while V2 is in force.</summary>
public static class GermanRequests
{
    /// <summary>Gets the scope: Germany, from the first day of V2 to the end of 2025.</summary>
    public static RequestScope Scope { get; } = RequestScope.Everything
        .WithCountries("DE")
        .WithReceivedBetween(BuiltInRules.V2Start, new LocalDate(2025, 12, 31));

    /// <summary>Valid German requests, gathered around the permits of V2 and of the variant.</summary>
    public static Arbitrary<ValidRequest> Valid() => RequestGenerators.Valid(Scope, BuiltInRules.V2, HostPolicy.V2Germany);

    /// <summary>Near misses of the variant's permits: one fact changed, one clause stops the permit.</summary>
    public static Arbitrary<NearMiss> NearMisses() => RequestGenerators.NearMisses(HostPolicy.V2Germany, Scope);
}
