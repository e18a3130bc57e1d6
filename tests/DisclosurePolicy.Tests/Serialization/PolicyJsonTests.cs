using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using Xunit;

namespace DisclosurePolicy.Tests.Serialization;

public class PolicyJsonTests
{
    [Fact]
    public void Write_BuiltInPolicy_ThenRead_RoundTripsToTheSameText()
    {
        string written = PolicyJson.Write(BuiltInRules.Policy);

        ReadResult<Policy> read = PolicyJson.Read(written);

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal(written, PolicyJson.Write(read.Value!));
        Assert.Equal(["V0", "V1", "V2"], read.Value!.Versions.Select(v => v.Id));
    }

    [Fact]
    public void Write_SamePolicyTwice_GivesIdenticalIndentedText()
    {
        string first = PolicyJson.Write(BuiltInRules.Policy);

        Assert.Equal(first, PolicyJson.Write(BuiltInRules.Policy));
        Assert.StartsWith("{\n  \"id\": \"telegram-privacy-8.3\",\n", first, StringComparison.Ordinal);
        Assert.Contains("you're a terror suspect", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedJson_ReportsLineAndPosition()
    {
        ReadResult<Policy> read = PolicyJson.Read("{\n  \"id\": \"p\",\n  \"title\" \"t\"\n}");

        ValidationProblem problem = Assert.Single(read.Problems.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("malformed JSON at line 3, position", problem.Message, StringComparison.Ordinal);
        Assert.Null(read.Value);
        Assert.False(read.IsValid);
    }

    [Fact]
    public void Read_WrongTypesUnknownFieldsAndBadNames_ReportsEachOnceWithItsPath()
    {
        const string Json = """
            {
              "id": "acme",
              "title": "ACME",
              "versions": [
                {
                  "id": "A1",
                  "title": "A1",
                  "effectiveFrom": "2025-01-01",
                  "citation": "ACME 8.3",
                  "wording": "We may disclose.",
                  "cadence": "Quarterly",
                  "clauses": [
                    {
                      "id": "court",
                      "citation": "ACME 8.3",
                      "wording": "court",
                      "summary": "Courts only.",
                      "when": { "not": { "fact": "AuthorityKind", "in": [ "Court", 7 ] } },
                      "effect": 5,
                      "reasonCode": "NotACourt"
                    },
                    {
                      "id": "disclose",
                      "citation": "ACME 8.3",
                      "wording": "disclose",
                      "summary": "IP address.",
                      "whn": { "always": true },
                      "effect": "Permit",
                      "reasonCode": "Ok",
                      "categories": [ "IpAdress" ]
                    }
                  ]
                }
              ]
            }
            """;

        ReadResult<Policy> read = PolicyJson.Read(Json);

        Assert.False(read.IsValid);
        Assert.Equal(
            [
                ("versions[0].clauses[0].when.not.in[1]", "expected a string, found a number"),
                ("versions[0].clauses[0].effect", "expected a string, found a number"),
                ("versions[0].clauses[1].whn", "unknown field; check its spelling against the documented format"),
                ("versions[0].clauses[1].when", "the clause needs a condition; a clause that always fires says so ({ \"always\": true } in a file, Condition.Always in code)"),
                ("versions[0].clauses[1].categories[0]", "not a known DataCategory; accepted: " + string.Join(", ", Enum.GetNames<DisclosurePolicy.Requests.DataCategory>().Skip(1))),
            ],
            read.Problems.Problems.Select(p => (p.Path, p.Message)));
        Assert.Equal("IpAdress", read.Problems.Problems[^1].Value);
    }

    [Fact]
    public void Read_NotAnObject_ReportsIt()
    {
        ReadResult<Policy> read = PolicyJson.Read("[1, 2]");

        ValidationProblem problem = Assert.Single(read.Problems.Problems);
        Assert.Equal(("$", "expected a JSON object, found an array"), (problem.Path, problem.Message));
    }

    [Fact]
    public void Write_PolicyWithOwnCatalogueAndVariant_RoundTrips()
    {
        var catalogue = new TosCatalogue(
            [new TosCatalogueEntry(TosItem.SpamOrScam, "Use our service to send spam or scam users.", new NodaTime.LocalDate(2020, 12, 9), new NodaTime.LocalDate(2030, 1, 1))],
            [new OffenceMapping(DisclosurePolicy.Requests.OffenceCategory.Spam, TosItem.SpamOrScam)]);
        Policy policy = PolicyBuilder.From(BuiltInRules.Policy)
            .AddVersion(RuleVersionBuilder.From(BuiltInRules.V2).WithId("V2-IN").ForJurisdictions("IN").TermsOfService(catalogue))
            .Build();

        string written = PolicyJson.Write(policy);
        ReadResult<Policy> read = PolicyJson.Read(written);

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal(written, PolicyJson.Write(read.Value!));
        RuleVersion variant = read.Value!.FindVersion("V2-IN")!;
        Assert.Equal(["IN"], variant.Jurisdictions);
        Assert.Equal([TosItem.SpamOrScam], variant.TermsOfService.ItemsViolated([DisclosurePolicy.Requests.OffenceCategory.Spam], new NodaTime.LocalDate(2025, 1, 1)));
        Assert.Contains("\"termsOfService\"", written, StringComparison.Ordinal);
    }
}
