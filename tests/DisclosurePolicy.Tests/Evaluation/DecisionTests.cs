using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using System.Globalization;
using DisclosurePolicy.Testing;
using DisclosurePolicy.Tests.Generators;
using DisclosurePolicy.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace DisclosurePolicy.Tests.Evaluation;

/// <summary>The decision object and its plain-text explanation.</summary>
public class DecisionTests
{
    private static readonly DisclosureEngine Engine = Engines.BuiltIn();

    private static Reason SomeReason(string code = "X") =>
        new(code, ClauseEffectKind.Deny, null, null, null, "Because.", [], null, null);

    [Fact]
    public void Explain_PermittedDecision_GivesHeaderItemsReasonsAndObligations()
    {
        string text = Engine.Evaluate(Some.V2Permitted()).Explain();

        string[] lines = text.Split(Environment.NewLine);
        Assert.Equal("Request REQ-2025-001: MAY DISCLOSE every requested item", lines[0]);
        Assert.Equal("  Rule version: V2 (Privacy Policy 8.3 (2024-09-23))", lines[1]);
        Assert.Equal("  Jurisdiction: FR; received 2025-02-10; decided 2025-02-12T09:30:00Z", lines[2]);
        Assert.Contains("Items:", lines);
        Assert.Contains("  user:1001  IpAddress            Permitted", lines);
        Assert.Contains("  user:1001  PhoneNumber          Permitted", lines);
        Assert.Contains("  1. JudicialOrderConfirmsTosCriminalSuspect [permits; user:1001 / IpAddress]", lines);
        Assert.Contains("  2. JudicialOrderConfirmsTosCriminalSuspect [permits; user:1001 / PhoneNumber]", lines);
        Assert.Contains(
            "     Privacy Policy 8.3 (2024-09-23): \"may disclose your IP address and phone number to the relevant authorities\"",
            lines);
        Assert.Contains("Obligations:", lines);
        Assert.Contains(
            "  - Record the disclosure in the quarterly transparency report for 2025-Q1: FR, 1 fulfilled request, 1 affected user(s). (Privacy Policy 8.3 (2024-09-23))",
            lines);
    }

    [Fact]
    public void Explain_DeniedDecision_QuotesEachFailingClauseWithItsFacts()
    {
        Decision decision = Engine.Evaluate(Some.With(Some.V2Permitted(), relevant: false, proceeding: ProceedingKind.Civil));

        string text = decision.Explain();

        Assert.Contains("Request REQ-2025-001: DENY: nothing may be disclosed", text, StringComparison.Ordinal);
        Assert.Contains("  1. IssuerNotRelevant [denies; whole request]", text, StringComparison.Ordinal);
        Assert.Contains("     Privacy Policy 8.3 (2024-09-23): \"the relevant judicial authorities\"", text, StringComparison.Ordinal);
        Assert.Contains("     The issuing authority must be competent (relevant) for the case. Facts: issuer relevant = no.", text, StringComparison.Ordinal);
        Assert.Contains("  2. NotACriminalCase [denies; whole request]", text, StringComparison.Ordinal);
        Assert.Contains("The order must be made in a criminal case. Facts: proceeding = Civil.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Obligations:", text, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 1_000)]
    public void Explain_AnyDecision_ShowsEveryItemReasonAndObligation(ValidRequest valid, InvalidRequest invalid)
    {
        foreach (LegalRequest request in new[] { valid.Request, invalid.Request })
        {
            Decision decision = Engine.Evaluate(request);

            string text = decision.Explain();

            Assert.Contains(decision.VersionId ?? "none", text, StringComparison.Ordinal);
            Assert.All(decision.Results, r => Assert.Contains($"{r.Category,-20} {r.Outcome}", text, StringComparison.Ordinal));
            for (int i = 0; i < decision.Reasons.Count; i++)
            {
                Reason reason = decision.Reasons[i];
                Assert.Contains($"  {i + 1}. {reason.Code} [", text, StringComparison.Ordinal);
                Assert.Contains(reason.Message, text, StringComparison.Ordinal);
                if (reason.Wording is not null)
                {
                    Assert.Contains($"\"{reason.Wording}\"", text, StringComparison.Ordinal);
                }
            }

            Assert.All(decision.Obligations, o => Assert.Contains(o.Description, text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public void Explain_UnderAnotherCulture_IsTheSameText(string culture)
    {
        LegalRequest request = Some.With(Some.V1Permitted(), data: [DataCategory.IpAddress, DataCategory.Location]);
        string invariant = WithCulture(CultureInfo.InvariantCulture, () => Engine.Evaluate(request).Explain());

        string local = WithCulture(new CultureInfo(culture), () => Engine.Evaluate(request).Explain());

        Assert.Equal(invariant, local);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Explain_DecisionWithoutVersion_SaysSo()
    {
        Decision decision = Engine.Evaluate(Some.V2Permitted(), "nope");

        string text = decision.Explain();

        Assert.Contains("  Rule version: none", text, StringComparison.Ordinal);
        Assert.Contains("  1. UnknownVersion [denies; whole request]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Privacy Policy 8.3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoReason_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new Decision(
            "R", "DE", null, Instant.FromUtc(2025, 1, 1, 0, 0), DecisionOutcome.Deny, null, null, [], [], []));

        Assert.Equal("reasons", error.ParamName);
    }

    [Fact]
    public void Constructor_CopiesListsAndExposesMembers()
    {
        var reasons = new List<Reason> { SomeReason() };
        var decision = new Decision(
            "R", "DE", new LocalDate(2025, 1, 2), Instant.FromUtc(2025, 1, 3, 0, 0), DecisionOutcome.Deny, "V2", "cite",
            [new ItemResult("@a", DataCategory.IpAddress, ItemOutcome.Denied)], reasons, []);
        reasons.Add(SomeReason("Y"));

        Assert.Single(decision.Reasons);
        Assert.False(decision.IsPermitted);
        Assert.Equal("R: Deny under V2", decision.ToString());
    }

    [Fact]
    public void Equality_ComparesEveryMember()
    {
        Decision a = Engine.Evaluate(Some.V2Permitted());

        Assert.Equal(a, Engine.Evaluate(Some.V2Permitted()));
        Assert.Equal(a.GetHashCode(), Engine.Evaluate(Some.V2Permitted()).GetHashCode());
        Assert.NotEqual(a, Engine.Evaluate(Some.V2Permitted("REQ-other")));
        Assert.NotEqual(a, Engines.At(Instant.FromUtc(2025, 2, 12, 9, 31)).Evaluate(Some.V2Permitted()));
        Assert.NotEqual(a, Engine.Evaluate(Some.With(Some.V2Permitted(), data: [DataCategory.IpAddress])));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Reason_ToString_GivesCodeScopeAndMessage()
    {
        var whole = new Reason("A", ClauseEffectKind.Deny, null, null, null, "Whole.", [], null, null);
        var account = new Reason("B", ClauseEffectKind.Deny, "c", "cite", "w", "Account.", [new FactValue("f", "v")], "@a", null);
        var item = new Reason("C", ClauseEffectKind.Permit, "c", "cite", "w", "Item.", [], "@a", DataCategory.PhoneNumber);

        Assert.Equal("A: Whole.", whole.ToString());
        Assert.Equal("B [@a]: Account.", account.ToString());
        Assert.Equal("C [@a / PhoneNumber]: Item.", item.ToString());
        Assert.Equal("f = v", account.Facts[0].ToString());
        Assert.NotEqual(account, new Reason("B", ClauseEffectKind.Deny, "c", "cite", "w", "Account.", [new FactValue("f", "other")], "@a", null));
    }
}
