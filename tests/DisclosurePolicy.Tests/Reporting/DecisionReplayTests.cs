using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace DisclosurePolicy.Tests.Reporting;

public class DecisionReplayTests
{
    private static readonly Instant ReplayedAt = Instant.FromUtc(2026, 1, 5, 10, 0);

    private static DisclosureEngine Engine(Policy? policy = null) => new(policy ?? BuiltInRules.Policy, new FakeClock(ReplayedAt));

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 200)]
    public bool Replay_UnderV2_EqualsEvaluatingDirectlyUnderV2(RecordBatch batch)
    {
        DisclosureEngine engine = Engine();
        ReplayReport replay = new DecisionReplay(engine).Replay(batch.Records, BuiltInRules.V2);

        return replay.Entries.Count == batch.Records.Count
            && replay.Entries.Zip(batch.Records).All(pair =>
            {
                (ReplayEntry entry, DecisionRecord record) = pair;
                Decision direct = engine.Evaluate(record.Request, BuiltInRules.V2);
                bool itemsConsistent = entry.ItemChanges.Count == record.Decision.Results.Zip(direct.Results).Count(p => p.First.Outcome != p.Second.Outcome)
                    || record.Decision.Results.Count != direct.Results.Count;
                return ReferenceEquals(entry.Record, record)
                    && entry.After.Equals(direct)
                    && entry.AfterVersionContentHash == BuiltInRules.V2.ContentHash
                    && entry.OutcomeChanged == (record.Outcome != direct.Outcome)
                    && itemsConsistent;
            });
    }

    [Fact]
    public void Replay_V1EraRecordsUnderV2_ReportsWhatWouldHaveChanged()
    {
        LegalRequest terror = Some.V1Permitted("V1-TERROR");
        LegalRequest drugs = Some.With(Some.V1Permitted("V1-DRUGS"), subjects: [new Subject("user:7", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking)]);
        LegalRequest prosecutor = Some.With(Some.V1Permitted("V1-PROSECUTOR"), authority: IssuingAuthorityKind.PublicProsecutor);
        DecisionRecord[] records = [.. new[] { terror, drugs, prosecutor }.Select(r => Recorded.Of(r, Instant.FromUtc(2020, 3, 20, 9, 0)))];

        ReplayReport replay = new DecisionReplay(Engine()).Replay(records, "v2");

        Assert.Equal(["MayDisclose -> MayDisclose", "Deny -> MayDisclose", "Deny -> Deny"], replay.Entries.Select(e => $"{e.OutcomeBefore} -> {e.OutcomeAfter}"));
        ReplayEntry changed = Assert.Single(replay.Changed);
        Assert.Equal("V1-DRUGS", changed.RequestId);
        Assert.True(changed.FulfilmentChanged);
        Assert.Equal(
            [new ItemChange("user:7", DataCategory.IpAddress, ItemOutcome.Denied, ItemOutcome.Permitted), new ItemChange("user:7", DataCategory.PhoneNumber, ItemOutcome.Denied, ItemOutcome.Permitted)],
            changed.ItemChanges);
        Assert.Equal("V2", changed.After.VersionId);
        Assert.Equal(ReplayedAt, changed.After.DecidedAt);
        string text = replay.RenderText();
        Assert.StartsWith("Replay under v2: 3 record(s), 1 changed, 1 would count differently in the published report.", text);
        Assert.Contains("  V1-DRUGS: Deny (V1) -> MayDisclose (V2), 2 item(s) changed", text);
        Assert.Contains("    user:7 / IpAddress: Denied -> Permitted", text);
    }

    [Fact]
    public void Replay_UnknownVersionId_EveryEntryDeniedWithReason()
    {
        DecisionRecord record = Recorded.Of(Some.V2Permitted());

        ReplayEntry entry = Assert.Single(new DecisionReplay(Engine()).Replay([record], "V9").Entries);

        Assert.Equal(DecisionOutcome.Deny, entry.OutcomeAfter);
        Assert.Null(entry.AfterVersionContentHash);
        Assert.Equal(ReasonCodes.UnknownVersion, Assert.Single(entry.After.Reasons).Code);
        Assert.True(entry.FulfilmentChanged);
    }

    [Fact]
    public void ReplayInForce_ChangedDefinitionOfV2_HashAndOutcomeChangesShow()
    {
        LegalRequest prosecutor = Some.With(Some.V2Permitted("PROSECUTOR"), authority: IssuingAuthorityKind.PublicProsecutor);
        DecisionRecord record = Recorded.Of(prosecutor);
        RuleVersion v2 = BuiltInRules.V2;
        Clause[] clauses = [.. v2.Clauses.Select(c => c.Effect.ReasonCode == ReasonCodes.IssuerNotJudicialAuthority
            ? new Clause(c.Id, c.Citation, c.Wording, "Prosecutors count as judicial authorities here.",
                Condition.Not(Condition.All(
                    Condition.AuthorityIs(IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge, IssuingAuthorityKind.PublicProsecutor),
                    Condition.InstrumentIs(InstrumentKind.CourtOrder))),
                c.Effect)
            : c)];
        var changedV2 = new RuleVersion(v2.Id, v2.Title, v2.EffectiveFrom, v2.EffectiveUntil, v2.Citation, v2.Wording, v2.Cadence, v2.TermsOfService, clauses, null);
        var policy = new Policy(BuiltInRules.PolicyId, "with prosecutors", [BuiltInRules.V0, BuiltInRules.V1, changedV2]);

        ReplayEntry entry = Assert.Single(new DecisionReplay(Engine(policy)).ReplayInForce([record]).Entries);

        Assert.Equal("V2", entry.After.VersionId);
        Assert.Equal(record.VersionId, entry.After.VersionId);
        Assert.NotEqual(record.VersionContentHash, entry.AfterVersionContentHash);
        Assert.Equal(changedV2.ContentHash, entry.AfterVersionContentHash);
        Assert.Equal((DecisionOutcome.Deny, DecisionOutcome.MayDisclose), (entry.OutcomeBefore, entry.OutcomeAfter));
    }

    [Fact]
    public void Replay_StoredRecordsFromJson_SameAsFromMemory()
    {
        DecisionRecord record = Recorded.Of(Some.V1Permitted());
        DecisionRecord fromJson = DisclosurePolicy.Serialization.DecisionRecordJson.Read(DisclosurePolicy.Serialization.DecisionRecordJson.Write(record)).Value!;
        var replay = new DecisionReplay(Engine());

        Assert.Equal(replay.Replay([record], BuiltInRules.V2).Entries[0].After, replay.Replay([fromJson], BuiltInRules.V2).Entries[0].After);
    }
}
