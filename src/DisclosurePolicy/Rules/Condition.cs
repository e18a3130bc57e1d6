using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Rules;

/// <summary>
/// A test over the facts of one account and data item: the "when" of a <see cref="Clause"/>.
/// Conditions are built from fact tests combined with <see cref="All"/>, <see cref="Any"/> and <see cref="Not"/>.
/// </summary>
/// <remarks>
/// <para>A condition is data: evaluation, comparison of versions and serialization all read the same tree. Each fact
/// test is reduced to a bit mask when built, so testing a condition allocates nothing.</para>
/// <para>Immutable and safe to share across threads. Only this library defines kinds of condition.</para>
/// </remarks>
public abstract class Condition
{
    private protected Condition(IEnumerable<Fact> facts)
    {
        Fact[] distinct = [.. facts.Distinct().Order()];
        FactArray = distinct;
        Facts = Array.AsReadOnly(distinct);
        Level = distinct.Length == 0 ? FactLevel.Order : distinct.Max(FactInfo.Level);
    }

    /// <summary>Gets the condition that always holds (all of nothing).</summary>
    public static Condition Always { get; } = new AllCondition([]);

    /// <summary>Gets the condition that never holds (any of nothing).</summary>
    public static Condition Never { get; } = new AnyCondition([]);

    /// <summary>Gets the facts this condition looks at, each once, in <see cref="Fact"/> order.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>Gets <see cref="Facts"/> as the array it wraps, for reading without interface calls.</summary>
    internal Fact[] FactArray { get; }

    /// <summary>Gets the finest level among the facts this condition looks at.</summary>
    internal FactLevel Level { get; }

    /// <summary>Creates a condition that holds when every operand holds.</summary>
    /// <param name="operands">The operands; none at all makes a condition that always holds.</param>
    /// <returns>The conjunction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operands"/> or one of its elements is <see langword="null"/>.</exception>
    public static Condition All(params IEnumerable<Condition> operands) => new AllCondition(operands);

    /// <summary>Creates a condition that holds when at least one operand holds.</summary>
    /// <param name="operands">The operands; none at all makes a condition that never holds.</param>
    /// <returns>The disjunction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operands"/> or one of its elements is <see langword="null"/>.</exception>
    public static Condition Any(params IEnumerable<Condition> operands) => new AnyCondition(operands);

    /// <summary>Creates a condition that holds when <paramref name="operand"/> does not.</summary>
    /// <param name="operand">The condition to negate.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operand"/> is <see langword="null"/>.</exception>
    public static Condition Not(Condition operand) => new NotCondition(operand);

    /// <summary>Creates a test that the instrument is one of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The accepted kinds.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A kind is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition InstrumentIs(params IEnumerable<InstrumentKind> kinds) => FactCondition.Of(Fact.Instrument, kinds);

    /// <summary>Creates a test that the issuing authority's kind is one of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The accepted kinds.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A kind is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition AuthorityIs(params IEnumerable<IssuingAuthorityKind> kinds) => FactCondition.Of(Fact.AuthorityKind, kinds);

    /// <summary>Creates a test that the proceeding is one of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The accepted kinds.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A kind is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition ProceedingIs(params IEnumerable<ProceedingKind> kinds) => FactCondition.Of(Fact.Proceeding, kinds);

    /// <summary>Creates a test that the recipient is one of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The accepted kinds.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A kind is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition RecipientIs(params IEnumerable<RecipientKind> kinds) => FactCondition.Of(Fact.Recipient, kinds);

    /// <summary>Creates a test that the request's origin verification is one of <paramref name="values"/>.</summary>
    /// <param name="values">The accepted values.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A value is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition VerificationIs(params IEnumerable<OriginVerification> values) => FactCondition.Of(Fact.OriginVerification, values);

    /// <summary>Creates a test that the legal analysis outcome is one of <paramref name="outcomes"/>.</summary>
    /// <param name="outcomes">The accepted outcomes.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">An outcome is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition LegalAnalysisIs(params IEnumerable<LegalAnalysisOutcome> outcomes) => FactCondition.Of(Fact.LegalAnalysis, outcomes);

    /// <summary>Creates a test that the subject's confirmed status is one of <paramref name="statuses"/>.</summary>
    /// <param name="statuses">The accepted statuses.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A status is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition StatusIs(params IEnumerable<SubjectStatus> statuses) => FactCondition.Of(Fact.SubjectStatus, statuses);

    /// <summary>Creates a test that the subject's case includes at least one of <paramref name="offences"/>.</summary>
    /// <param name="offences">The offences looked for.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">An offence is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition OffenceIsAnyOf(params IEnumerable<OffenceCategory> offences) => FactCondition.Of(Fact.Offences, offences);

    /// <summary>Creates a test that the subject's offences violate at least one of <paramref name="items"/> under the version's catalogue.</summary>
    /// <param name="items">The Terms-of-Service items looked for.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">An item is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition TosItemIsAnyOf(params IEnumerable<TosItem> items) => FactCondition.Of(Fact.TosItems, items);

    /// <summary>Creates a test that the requested data category is one of <paramref name="categories"/>.</summary>
    /// <param name="categories">The accepted categories.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A category is <c>Unspecified</c> or undefined, or none is given.</exception>
    public static Condition DataCategoryIs(params IEnumerable<DataCategory> categories) => FactCondition.Of(Fact.DataCategory, categories);

    /// <summary>Creates a test that the issuing jurisdiction is one of <paramref name="codes"/>.</summary>
    /// <param name="codes">ISO 3166-1 alpha-2 codes.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A code is not an assigned ISO 3166-1 alpha-2 code, or none is given.</exception>
    public static Condition JurisdictionIs(params IEnumerable<string> codes) => new JurisdictionCondition(codes);

    /// <summary>Creates a test that a yes/no fact is yes.</summary>
    /// <param name="fact">One of <see cref="Fact.EuMemberState"/>, <see cref="Fact.OrderValid"/>, <see cref="Fact.IssuerRelevant"/>,
    /// <see cref="Fact.PreservationOnly"/> or <see cref="Fact.EmergencyClaim"/>.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException"><paramref name="fact"/> is not a yes/no fact.</exception>
    public static Condition IsTrue(Fact fact)
    {
        if (FactInfo.Shape(fact) != FactShape.YesNo || !FactInfo.IsDefined(fact))
        {
            throw new ArgumentException($"{fact} is not a yes/no fact.", nameof(fact));
        }

        return new FactCondition(fact, [1]);
    }

    /// <summary>Returns the condition in words.</summary>
    /// <returns>A readable rendering, such as <c>issuing authority is Court, Judge or InvestigatingJudge</c>.</returns>
    public abstract override string ToString();

    internal abstract bool Holds(in FactVector facts);

    /// <summary>Gets the operands of a combination; a fact test has none.</summary>
    internal virtual IReadOnlyList<Condition> Children => [];

    /// <summary>The fact and jurisdiction tests of the tree, depth first: the one walk for everything that only reads them.</summary>
    internal IEnumerable<Condition> Leaves() =>
        Children.Count == 0 && this is not AllCondition and not AnyCondition ? [this] : Children.SelectMany(c => c.Leaves());

    /// <summary>Rebuilds the tree with each fact and jurisdiction test replaced; unchanged subtrees are kept as they are.</summary>
    /// <param name="leaf">Returns a test's replacement, or the test itself.</param>
    internal virtual Condition Map(Func<Condition, Condition> leaf) => leaf(this);
}
