using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Rules;

public class RuleVersionHashTests
{
    // Pinned: a change to the built-in definitions or to the canonical encoding must be deliberate, and shows up here.
    private const string V1Hash = "sha256:e830ef4c758c522e3e3973d7f82623381239f37b82437daa64f33f6a58f8538c";
    private const string V2Hash = "sha256:865853fc7cbc67285689357a2c127e09af560636bc051fff1c2ca2918d967afc";

    [Fact]
    public void Compute_BuiltInVersions_MatchPinnedHashes()
    {
        Assert.Equal(V1Hash, RuleVersionHash.Compute(BuiltInRules.V1));
        Assert.Equal(V2Hash, RuleVersionHash.Compute(BuiltInRules.V2));
    }

    [Fact]
    public void ContentHash_Property_EqualsComputeAndIsStable()
    {
        Assert.Equal(V2Hash, BuiltInRules.V2.ContentHash);
        Assert.Same(BuiltInRules.V2.ContentHash, BuiltInRules.V2.ContentHash);
    }

    /// <summary>
    /// The stability above under the race that broke it: another test's thread making the first read of
    /// <c>BuiltInRules.V2.ContentHash</c> at the same time, and storing its own string between the two reads of
    /// <c>Assert.Same</c>. Here several threads make the first read of fresh versions together; many clauses make the hash
    /// slow enough for their reads to overlap.
    /// </summary>
    [Fact]
    public void ContentHash_FirstReadOnSeveralThreadsAtOnce_EveryReaderGetsTheCachedInstance()
    {
        const int Readers = 4;
        const int Rounds = 64;
        RuleVersion v2 = BuiltInRules.V2;
        Clause[] clauses = [.. Enumerable.Range(0, 32).SelectMany(i => v2.Clauses.Select(c => With(c, id: $"{c.Id}/{i}")))];
        RuleVersion[] versions = [.. Enumerable.Range(0, Rounds).Select(_ => Copy(v2, clauses: clauses))];
        string[] seen = new string[Rounds * Readers];

        using (var together = new Barrier(Readers))
        {
            Thread[] threads = [.. Enumerable.Range(0, Readers).Select(t => new Thread(() =>
            {
                for (int r = 0; r < Rounds; r++)
                {
                    together.SignalAndWait();
                    seen[(r * Readers) + t] = versions[r].ContentHash;
                }
            }) { IsBackground = true })];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }

        for (int i = 0; i < seen.Length; i++)
        {
            Assert.Same(versions[i / Readers].ContentHash, seen[i]);
        }
    }

    [Fact]
    public void Compute_SameDefinitionBuiltTwice_SameHash()
    {
        Assert.Equal(RuleVersionHash.Compute(BuiltInRules.V2), RuleVersionHash.Compute(Copy(BuiltInRules.V2)));
        Assert.Equal(RuleVersionHash.Compute(BuiltInRules.V1), RuleVersionHash.Compute(Copy(BuiltInRules.V1)));
    }

    [Fact]
    public void ContentHash_BuiltInRulesReadFromTheirJson_SameAsBuiltIn()
    {
        DisclosurePolicy.Serialization.ReadResult<Policy> read = DisclosurePolicy.Serialization.PolicyJson.Read(BuiltInRules.Json);

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal(
            BuiltInRules.Policy.Versions.Select(v => (v.Id, v.ContentHash)),
            read.Value!.Versions.Select(v => (v.Id, v.ContentHash)));
    }

    [Fact]
    public void Compute_Always_Sha256HexWithPrefix()
    {
        string hash = RuleVersionHash.Compute(BuiltInRules.V0);

        Assert.Matches("^sha256:[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, RuleVersionHash.Compute(BuiltInRules.V1));
    }

    public static TheoryData<string> Changes() =>
    [
        "id", "title", "effectiveFrom", "effectiveUntil", "citation", "wording", "cadence", "jurisdictions",
        "tosWording", "tosDate", "tosMapping", "clauseOrder", "clauseId", "clauseCitation", "clauseWording", "clauseSummary",
        "conditionValue", "conditionShape", "effectKind", "reasonCode", "permitCategories",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Compute_AnyMemberChanged_HashChanges(string change)
    {
        RuleVersion original = BuiltInRules.V2;
        RuleVersion changed = Change(original, change);

        Assert.NotEqual(RuleVersionHash.Compute(original), RuleVersionHash.Compute(changed));
    }

    [Fact]
    public void CanonicalText_LengthPrefixesStrings_SoWordingCannotForgeFields()
    {
        string text = RuleVersionHash.CanonicalText(BuiltInRules.V1);

        Assert.StartsWith("encoding 19:rule-version-hash/1\nid 2:V1\n", text);
        Assert.Contains($"wording {BuiltInRules.V1Wording.Length}:{BuiltInRules.V1Wording}\n", text);
        Assert.Contains("condition 191:not(all(2:fact(AuthorityKind;Court,Judge,InvestigatingJudge),fact(Instrument;CourtOrder,", text);
        Assert.Contains("condition 40:not(fact(SubjectStatus;Suspect,Accused))\n", text);
        Assert.Contains("tosItem 28:IllegalInMajorityOfCountries\ntosWording 197:", text);
    }

    private static RuleVersion Copy(RuleVersion v, string? id = null, string? title = null, LocalDate? from = null, LocalDate? until = null,
        string? citation = null, string? wording = null, ReportingCadence? cadence = null, TosCatalogue? tos = null,
        IEnumerable<Clause>? clauses = null, IEnumerable<string>? jurisdictions = null) =>
        new(id ?? v.Id, title ?? v.Title, from ?? v.EffectiveFrom, until ?? v.EffectiveUntil, citation ?? v.Citation, wording ?? v.Wording,
            cadence ?? v.Cadence, tos ?? new TosCatalogue(v.TermsOfService.Entries, v.TermsOfService.Mappings), clauses ?? v.Clauses, jurisdictions ?? v.Jurisdictions);

    private static Clause With(Clause c, string? id = null, string? citation = null, string? wording = null, string? summary = null,
        Condition? condition = null, ClauseEffect? effect = null) =>
        new(id ?? c.Id, citation ?? c.Citation, wording ?? c.Wording, summary ?? c.Summary, condition ?? c.Condition, effect ?? c.Effect);

    private static RuleVersion ChangeClause(RuleVersion v, int index, Func<Clause, Clause> change) =>
        Copy(v, clauses: v.Clauses.Select((c, i) => i == index ? change(c) : c));

    private static RuleVersion Change(RuleVersion v, string change)
    {
        int last = v.Clauses.Count - 1;
        TosCatalogue tos = v.TermsOfService;
        return change switch
        {
            "id" => Copy(v, id: "V2b"),
            "title" => Copy(v, title: v.Title + "."),
            "effectiveFrom" => Copy(v, from: v.EffectiveFrom.PlusDays(1)),
            "effectiveUntil" => Copy(v, until: new LocalDate(2030, 1, 1)),
            "citation" => Copy(v, citation: v.Citation + " "),
            "wording" => Copy(v, wording: v.Wording.Replace("quarterly", "semiannual")),
            "cadence" => Copy(v, cadence: ReportingCadence.SemiAnnual),
            "jurisdictions" => Copy(v, jurisdictions: ["IN"]),
            "tosWording" => Copy(v, tos: new TosCatalogue(tos.Entries.Select((e, i) => i == 0 ? new TosCatalogueEntry(e.Item, e.Wording + "!", e.InForceFrom, e.InForceUntil) : e), tos.Mappings)),
            "tosDate" => Copy(v, tos: new TosCatalogue(tos.Entries.Select((e, i) => i == 3 ? new TosCatalogueEntry(e.Item, e.Wording, e.InForceFrom.PlusDays(-1), e.InForceUntil) : e), tos.Mappings)),
            "tosMapping" => Copy(v, tos: new TosCatalogue(tos.Entries, tos.Mappings.Append(new OffenceMapping(OffenceCategory.Spam, TosItem.SpamOrScam)))),
            "clauseOrder" => Copy(v, clauses: v.Clauses.Reverse()),
            "clauseId" => ChangeClause(v, 0, c => With(c, id: c.Id + "x")),
            "clauseCitation" => ChangeClause(v, 1, c => With(c, citation: "elsewhere")),
            "clauseWording" => ChangeClause(v, 2, c => With(c, wording: c.Wording.ToUpperInvariant())),
            "clauseSummary" => ChangeClause(v, 3, c => With(c, summary: c.Summary + " Also.")),
            "conditionValue" => ChangeClause(v, 4, c => With(c, condition: Condition.Not(Condition.AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge, IssuingAuthorityKind.PublicProsecutor)))),
            "conditionShape" => ChangeClause(v, 4, c => With(c, condition: Condition.All(c.Condition))),
            "effectKind" => ChangeClause(v, last - 1, c => With(c, effect: ClauseEffect.Deny(c.Effect.ReasonCode))),
            "reasonCode" => ChangeClause(v, 2, c => With(c, effect: ClauseEffect.Deny("SomethingElse"))),
            "permitCategories" => ChangeClause(v, last, c => With(c, effect: ClauseEffect.Permit(c.Effect.ReasonCode, DataCategory.IpAddress))),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }
}
