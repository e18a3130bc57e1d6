using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Builds small, valid policy definitions, so a test changes exactly the field it is about.</summary>
public static class Definitions
{
    /// <summary>One version from 2025-01-01: deny unless the issuer is a court; permit the IP address.</summary>
    public static PolicyDefinition Valid() => new()
    {
        Id = "acme-8.3",
        Title = "ACME disclosure rule",
        Versions = [Version("A1", "2025-01-01", null)],
    };

    public static RuleVersionDefinition Version(string id, string? from, string? until) => new()
    {
        Id = id,
        Title = "Court orders only",
        EffectiveFrom = from,
        EffectiveUntil = until,
        Citation = "ACME Privacy Policy 8.3 (2025-01-01)",
        Wording = "If ACME receives a court order, we may disclose your IP address.",
        Cadence = "Quarterly",
        Clauses = [NotACourt(), DiscloseIp()],
    };

    public static ClauseDefinition NotACourt() => new()
    {
        Id = "court",
        Citation = "ACME 8.3",
        Wording = "a court order",
        Summary = "Only a court may ask.",
        When = new ConditionDefinition { Not = Fact("AuthorityKind", "Court") },
        Effect = "Deny",
        ReasonCode = "NotACourtOrder",
    };

    public static ClauseDefinition DiscloseIp() => new()
    {
        Id = "disclose",
        Citation = "ACME 8.3",
        Wording = "we may disclose your IP address",
        Summary = "The IP address may be disclosed.",
        When = new ConditionDefinition { Always = "true" },
        Effect = "Permit",
        ReasonCode = "CourtOrderReceived",
        Categories = ["IpAddress"],
    };

    public static ConditionDefinition Fact(string fact, params string[] values) => new() { Fact = fact, In = [.. values] };
}
