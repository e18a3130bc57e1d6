using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Builds small rule versions for tests of the rules model.</summary>
public static class SomeRules
{
    /// <summary>A clause that permits the IP address whenever the order is valid.</summary>
    public static Clause PermitIp(string id = "r/permit") =>
        new(id, "Rule 1", "may disclose", "Permits the IP address.", Condition.IsTrue(Fact.OrderValid), ClauseEffect.Permit("Permitted", DataCategory.IpAddress));

    /// <summary>A version for everyone (or for <paramref name="jurisdictions"/>) with the given period and clauses.</summary>
    public static RuleVersion Version(
        string id,
        LocalDate from,
        LocalDate? until = null,
        IEnumerable<Clause>? clauses = null,
        IEnumerable<string>? jurisdictions = null,
        ReportingCadence cadence = ReportingCadence.Quarterly) =>
        new(id, $"Version {id}", from, until, $"Rule ({id})", "The rule text: may disclose.", cadence, TosCatalogue.Empty, clauses ?? [PermitIp()], jurisdictions);
}
