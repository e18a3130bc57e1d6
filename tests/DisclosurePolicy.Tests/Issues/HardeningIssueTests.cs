using DisclosurePolicy.Comparison;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Tests.Support;
using Xunit;

namespace DisclosurePolicy.Tests.Issues;

/// <summary>
/// The hardening issue's defects of the readers: a repeated member, a comma-joined enum name and a lone surrogate escape
/// each once decided a request silently or crashed the reader. Each is now a problem reported at its path.
/// </summary>
public class HardeningIssueTests
{
    private static string Request(string replace, string with) =>
        RequestJson.Write(Some.V2Permitted()).Replace(replace, with, StringComparison.Ordinal);

    private static string Rules(string replace, string with)
    {
        string json = BuiltInRules.Json;
        Assert.Contains(replace, json, StringComparison.Ordinal);
        return json.Replace(replace, with, StringComparison.Ordinal);
    }

    private static ValidationProblem Single(ValidationResult problems, string path) =>
        Assert.Single(problems.Problems, p => p.Path == path);

    // Defect 2: duplicate members.
    [Theory]
    [InlineData("\"orderIsValid\": false,\n  \"orderIsValid\": true")]
    [InlineData("\"orderIsValid\": true,\n  \"orderIsValid\": false")]
    public void RequestRead_RepeatedMember_IsAProblemWhicheverCopyComesLast(string members)
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request("\"orderIsValid\": true", members));

        Assert.False(read.IsValid);
        ValidationProblem problem = Single(read.Problems, "orderIsValid");
        Assert.Contains("duplicate field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestRead_RepeatedMemberInASubject_IsAProblemAtItsPath()
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request("\"status\": \"Suspect\"", "\"status\": \"Witness\", \"status\": \"Suspect\""));

        Assert.False(read.IsValid);
        Assert.Contains("duplicate field", Single(read.Problems, "subjects[0].status").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyRead_RepeatedMember_IsAProblemAtItsPath()
    {
        ReadResult<Policy> read = PolicyJson.Read(Rules("\"effect\": \"Deny\",\n          \"reasonCode\": \"RecipientNotAnAuthority\"",
            "\"effect\": \"Deny\",\n          \"effect\": \"NotApplicable\",\n          \"reasonCode\": \"RecipientNotAnAuthority\""));

        Assert.False(read.IsValid);
        Assert.Contains(read.Problems.Problems, p => p.Path.EndsWith(".effect", StringComparison.Ordinal) && p.Message.Contains("duplicate field", StringComparison.Ordinal));
    }

    [Fact]
    public void RecordRead_RepeatedMember_IsAProblemAtItsPath()
    {
        string json = DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted()));
        string repeated = json.Replace("\"requestId\":", "\"requestId\":\"OTHER\",\"requestId\":", StringComparison.Ordinal);

        ReadResult<DecisionRecord> read = DecisionRecordJson.Read(repeated);

        Assert.False(read.IsValid);
        Assert.Contains(read.Problems.Problems, p => p.Path == "requestId" && p.Message.Contains("duplicate field", StringComparison.Ordinal));
    }

    // Defect 3: one accepted spelling per name.
    [Theory]
    [InlineData("\"kind\": \"InvestigatingJudge\"", "\"kind\": \"Court, Judge\"", "authority.kind")]
    [InlineData("\"IpAddress\"", "\"IpAddress, PhoneNumber\"", "requestedData[0]")]
    [InlineData("\"status\": \"Suspect\"", "\"status\": \"Suspect \"", "subjects[0].status")]
    [InlineData("\"status\": \"Suspect\"", "\"status\": \" Suspect\"", "subjects[0].status")]
    [InlineData("\"status\": \"Suspect\"", "\"status\": \"5\"", "subjects[0].status")]
    public void RequestRead_NameNotSpelledExactly_IsAProblemListingTheAcceptedNames(string replace, string with, string path)
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request(replace, with));

        Assert.False(read.IsValid);
        Assert.Contains("accepted: ", Single(read.Problems, path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestRead_NameInAnotherCase_IsAccepted()
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request("\"status\": \"Suspect\"", "\"status\": \"sUSPECT\""));

        Assert.True(read.IsValid, read.Problems.ToString());
        Assert.Equal(SubjectStatus.Suspect, read.Value!.Subjects[0].Status);
    }

    [Theory]
    [InlineData("\"PrivateParty, Lawyer\"")]
    [InlineData("\"LawEnforcementAuthority \"")]
    [InlineData("\"2\"")]
    public void PolicyRead_FactValueNotSpelledExactly_IsAProblem(string value)
    {
        ReadResult<Policy> read = PolicyJson.Read(Rules("\"LawEnforcementAuthority\",\n                \"JudicialAuthority\"", value + ",\n                \"JudicialAuthority\""));

        Assert.False(read.IsValid);
        Assert.Contains(read.Problems.Problems, p => p.Value == value.Trim('"') && p.Message.Contains("LawEnforcementAuthority", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("IpAddress, PhoneNumber")]
    [InlineData("IpAddress ")]
    public void OptionsValidate_DataCategoryNotSpelledExactly_Fails(string name)
    {
        var options = new DisclosurePolicyOptions();
        options.Overlays.Add(new JurisdictionOverlayOptions { Id = "x", Kind = "ProsecutorsAsJudicial", Countries = { "DE" }, DataCategories = { name } });

        Microsoft.Extensions.Options.ValidateOptionsResult result = new DisclosurePolicyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Overlays[0].DataCategories[0] = '{name}': not a data category", result.FailureMessage, StringComparison.Ordinal);
    }

    // Defect 4: a lone surrogate escape is a problem, not a crash.
    [Theory]
    [InlineData("\"id\": \"REQ-2025-001\"", "\"id\": \"REQ-\\ud800\"", "id")]
    [InlineData("\"status\": \"Suspect\"", "\"status\": \"\\udc00\"", "subjects[0].status")]
    [InlineData("\"receivedOn\": \"2025-02-10\"", "\"receivedOn\": \"2025-02-1\\ud800\"", "receivedOn")]
    [InlineData("\"IpAddress\"", "\"\\ud800\"", "requestedData[0]")]
    public void RequestRead_LoneSurrogateInAValue_IsAProblemAtItsPath(string replace, string with, string path)
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request(replace, with));

        Assert.False(read.IsValid);
        Assert.Contains("lone surrogate", Single(read.Problems, path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestRead_LoneSurrogateInAFieldName_IsAProblemAndOtherFieldsAreStillRead()
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request("\"orderIsValid\": true", "\"orderIsValid\": true, \"\\ud800x\": 1"));

        Assert.False(read.IsValid);
        ValidationProblem problem = Assert.Single(read.Problems.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("field name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestReadMany_OneRequestWithALoneSurrogate_TheOthersAreRead()
    {
        string good = RequestJson.Write(Some.V2Permitted("GOOD-1"));
        string bad = RequestJson.Write(Some.V2Permitted("BAD-X")).Replace("BAD-X", "BAD-\\ud800", StringComparison.Ordinal);

        IReadOnlyList<ReadResult<LegalRequest>> read = RequestJson.ReadMany($"[{good}, {bad}, {good.Replace("GOOD-1", "GOOD-2", StringComparison.Ordinal)}]");

        Assert.Equal([true, false, true], read.Select(r => r.IsValid));
        Assert.Equal(["GOOD-1", "GOOD-2"], read.Where(r => r.IsValid).Select(r => r.Value!.Id));
    }

    [Fact]
    public void RequestRead_TextHoldingHalfASurrogatePair_IsAProblem()
    {
        ReadResult<LegalRequest> read = RequestJson.Read(Request("REQ-2025-001", "REQ-\ud800"));

        Assert.False(read.IsValid);
        Assert.Contains("not valid Unicode", Single(read.Problems, "$").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyRead_LoneSurrogate_IsAProblemAtItsPath()
    {
        ReadResult<Policy> read = PolicyJson.Read(Rules("\"wording\": \"to the relevant authorities\"", "\"wording\": \"to the relevant \\ud800\""));

        Assert.False(read.IsValid);
        Assert.Contains(read.Problems.Problems, p => p.Path.EndsWith(".wording", StringComparison.Ordinal) && p.Message.Contains("lone surrogate", StringComparison.Ordinal));
    }

    [Fact]
    public void RecordRead_LoneSurrogate_IsAProblemAtItsPath()
    {
        string json = DecisionRecordJson.Write(Recorded.Of(Some.V2Permitted()));
        string broken = json.Replace("\"requestId\":\"REQ-2025-001\"", "\"requestId\":\"REQ-\\udfff\"", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);

        ReadResult<DecisionRecord> read = DecisionRecordJson.Read(broken);

        Assert.False(read.IsValid);
        Assert.Contains("lone surrogate", Single(read.Problems, "requestId").Message, StringComparison.Ordinal);
    }

    // Defect 6: the duplicate-account check was pairwise, quadratic in the accounts named (64 s for 100,000).
    [Fact]
    public void Validate_ManyAccountsWithOneRepeated_NamesTheRepeatAndItsFirstMention()
    {
        const int Count = 100_000;
        var subjects = new List<Subject>(Count + 1);
        for (int i = 0; i < Count; i++)
        {
            subjects.Add(new Subject($"user:{i}", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking));
        }

        subjects.Add(new Subject("user:4711", SubjectStatus.Suspect, OffenceCategory.DrugTrafficking));
        LegalRequest request = Some.With(Some.V2Permitted(), subjects: subjects);

        ValidationProblem problem = Assert.Single(request.Validate().Problems);

        Assert.Equal($"subjects[{Count}].accountReference", problem.Path);
        Assert.Equal("the account is already named by subjects[4711]", problem.Message);
        Assert.Equal(DisclosurePolicy.Evaluation.DecisionOutcome.Deny, Engines.BuiltIn().Decide(request));
        Assert.Equal(DisclosurePolicy.Evaluation.DecisionOutcome.MayDisclose, Engines.BuiltIn().Decide(Some.With(request, subjects: subjects[..Count])));
    }

    // Defect 5: a whole-domain comparison of host rules testing many single offences ran for minutes. Clauses that only
    // matter together are now tested as one; what still exceeds the budget stops before deciding anything, naming it.
    [Fact]
    public void Compare_HostRulesRefusingEachOffenceInItsOwnClause_SplitsTheOffencesByOutcomeNotBySubset()
    {
        OffenceCategory[] offences = Enum.GetValues<OffenceCategory>()[1..];
        Clause[] perOffence = [.. offences.Select(o => new Clause(
            $"host/{o}", "Host", "offence", $"A case of {o} is refused.", Condition.OffenceIsAnyOf(o), ClauseEffect.Deny("Refused")))];
        RuleVersion all = HostV2("A", [.. perOffence, .. BuiltInRules.V2.Clauses]);
        RuleVersion allButFirst = HostV2("B", [.. perOffence[1..], .. BuiltInRules.V2.Clauses]);

        VersionDifference difference = VersionComparer.Compare(all, allButFirst);

        // Seventeen separate tests would make 2^17 offence classes; what the outcomes depend on makes a handful.
        Assert.InRange(difference.Partitions.Single(p => p.Key == "offences").Classes.Count, 2, 8);
        Assert.NotEmpty(difference.Regions);
        DisclosureEngine engine = Engines.BuiltIn();
        foreach (DifferenceRegion region in difference.Regions)
        {
            Subject subject = region.Example.Subjects[0];
            Assert.Contains(offences[0], subject.Offences);
            Assert.DoesNotContain(subject.Offences, o => o != offences[0] && all.Clauses.Any(c => c.Id == $"host/{o}"));
            Assert.Equal(ItemOutcome.Denied, region.LeftOutcome);
            Assert.Equal(region.LeftOutcome, engine.Evaluate(region.Example, all).Results[0].Outcome);
            Assert.Equal(region.RightOutcome, engine.Evaluate(region.Example, allButFirst).Results[0].Outcome);
        }
    }

    [Fact]
    public void Compare_HostRulesPermittingEachOffenceAndCategoryInItsOwnClause_DecidesExactlyWithoutEnumeratingSubsets()
    {
        OffenceCategory[] offences = Enum.GetValues<OffenceCategory>()[1..];
        Clause[] perOffence = [.. offences.Select(o => new Clause(
            $"host/{o}", "Host", "offence", $"A case of {o} may lead to disclosure of the IP address.",
            Condition.All(Condition.OffenceIsAnyOf(o), Condition.IsTrue(Fact.OrderValid)), ClauseEffect.Permit("Permitted", DataCategory.IpAddress)))];
        Clause[] refusals = [.. BuiltInRules.V2.Clauses.Where(c => c.Effect.Kind != ClauseEffectKind.Permit)];
        RuleVersion eighteen = HostV2("A", [.. refusals, .. perOffence]);
        RuleVersion seventeen = HostV2("B", [.. refusals, .. perOffence[1..]]);

        VersionDifference difference = VersionComparer.Compare(eighteen, seventeen);

        DisclosureEngine engine = Engines.BuiltIn();
        Assert.NotEmpty(difference.Regions);
        foreach (DifferenceRegion region in difference.Regions)
        {
            Assert.Equal(ItemOutcome.Permitted, region.LeftOutcome);
            Assert.Equal([offences[0]], region.Example.Subjects[0].Offences);
            Assert.Equal(region.LeftOutcome, engine.Evaluate(region.Example, eighteen).Results[0].Outcome);
            Assert.Equal(region.RightOutcome, engine.Evaluate(region.Example, seventeen).Results[0].Outcome);
        }
    }

    [Fact]
    public void Compare_HostRulesTestingEachOffenceWithItsOwnCategory_StopsAtTheBudgetWithAClearMessage()
    {
        DataCategory[] categories = Enum.GetValues<DataCategory>()[1..];
        Clause[] perOffence = [.. Enum.GetValues<OffenceCategory>()[1..].Select((o, i) => new Clause(
            $"host/{o}", "Host", "offence", $"A case of {o} is refused for one category.",
            Condition.All(Condition.OffenceIsAnyOf(o), Condition.DataCategoryIs(categories[i % categories.Length])), ClauseEffect.Deny("Refused")))];
        RuleVersion all = HostV2("A", [.. perOffence, .. BuiltInRules.V2.Clauses]);
        RuleVersion allButFirst = HostV2("B", [.. perOffence[1..], .. BuiltInRules.V2.Clauses]);

        var ex = Assert.Throws<ComparisonBudgetExceededException>(() => VersionComparer.Compare(all, allButFirst));

        Assert.Equal(VersionComparer.DefaultMaxClasses, ex.Budget);
        Assert.True(ex.Classes > ex.Budget);
        Assert.StartsWith("Comparing A with B exactly needs ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("over the budget of 5,000,000; raise the budget (maxClasses, or --max-classes on the command line)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BudgetJustEnoughOrJustShort_DecidesOrStops()
    {
        var ex = Assert.Throws<ComparisonBudgetExceededException>(() => VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2, null, 1000));
        long needed = ex.Classes;

        Assert.Throws<ComparisonBudgetExceededException>(() => VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2, null, needed - 1));
        Assert.Equal(6, VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2, null, needed).Regions.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => VersionComparer.Compare(BuiltInRules.V1, BuiltInRules.V2, null, 0));
    }

    // V2 with other clauses, as a host would write its own version.
    private static RuleVersion HostV2(string id, IEnumerable<Clause> clauses)
    {
        RuleVersion v2 = BuiltInRules.V2;
        return new(id, v2.Title, v2.EffectiveFrom, v2.EffectiveUntil, v2.Citation, v2.Wording, v2.Cadence, v2.TermsOfService, clauses, null);
    }
}
