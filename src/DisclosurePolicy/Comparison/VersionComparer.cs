using DisclosurePolicy.Internal;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using NodaTime;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// Compares rule versions exactly, over the whole input space: where they decide differently, whether one is at most as
/// permissive as another, and whether they are equivalent. Built-in and host-defined versions compare the same way,
/// since both are read from the same clauses the engine evaluates.
/// </summary>
/// <remarks>
/// <para>The space is that of one item (one account and one data category of a request), which is enough: a request's
/// outcome combines its items'. Each fact is cut into the classes the clauses of either version can tell apart (for
/// example instruments that are orders of a court and those that are not), the classes are enumerated, and one item of
/// each is decided under both versions exactly as <see cref="DisclosureEngine.Evaluate(LegalRequest, RuleVersion)"/>
/// would: no sampling, no approximation.</para>
/// <para>Receipt dates: a version's clauses apply whatever its effective period (as when a version is named); the date
/// matters only through the Terms-of-Service items in force on <see cref="RuleVersion.CatalogueDate"/>, which clamps
/// the date into the version's period. The timeline is therefore cut where an item of either catalogue starts or ends and
/// where either version's period starts or ends, and each stretch with the same items in force is one class.</para>
/// <para>Permissiveness concerns what may be disclosed: A is at most as permissive as B when every item A permits, B
/// permits too. A pending legal analysis is not a permission.</para>
/// <para>Equivalence compares item outcomes (permitted, denied, pending, not applicable); the reasons, citations and
/// reporting cadence of equivalent versions may still differ.</para>
/// <para>Comparison is pure, reads no clock and allocates nothing per class visited; the comparison of the built-in V1 and
/// V2 visits 27,648 classes.</para>
/// </remarks>
public static class VersionComparer
{
    /// <summary>The most classes of items a comparison decides unless given another budget: a few seconds of work on a small machine.</summary>
    public const long DefaultMaxClasses = 5_000_000;

    /// <summary>Computes every region of the input space where two versions decide differently.</summary>
    /// <param name="left">The version compared from (for example the older one).</param>
    /// <param name="right">The version compared to.</param>
    /// <returns>The difference; <see cref="VersionDifference.AreEquivalent"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static VersionDifference Compare(RuleVersion left, RuleVersion right) => Difference(left, right, null);

    /// <summary>Computes every region where two versions decide differently, among the items where a condition holds.</summary>
    /// <param name="left">The version compared from.</param>
    /// <param name="right">The version compared to.</param>
    /// <param name="scope">The items compared, for example <c>Condition.JurisdictionIs("DE")</c>; a test of
    /// Terms-of-Service items reads them through the left version's catalogue.</param>
    /// <returns>The difference within the scope.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static VersionDifference Compare(RuleVersion left, RuleVersion right, Condition scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Difference(left, right, scope);
    }

    /// <summary>Computes every region where two versions decide differently, within a scope and a budget of classes.</summary>
    /// <param name="left">The version compared from.</param>
    /// <param name="right">The version compared to.</param>
    /// <param name="scope">The items compared, or <see langword="null"/> for all.</param>
    /// <param name="maxClasses">The most classes of items to decide (<see cref="DefaultMaxClasses"/> otherwise).</param>
    /// <returns>The difference within the scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxClasses"/> is not positive.</exception>
    /// <exception cref="ComparisonBudgetExceededException">An exact answer needs more classes than <paramref name="maxClasses"/>.</exception>
    public static VersionDifference Compare(RuleVersion left, RuleVersion right, Condition? scope, long maxClasses)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxClasses);
        return Difference(InputSpace.Build(left, right, scope, maxClasses));
    }

    /// <summary>Compares the versions of a policy (those for everyone) in force on two dates.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="leftDate">The first date, for example a day of 2020.</param>
    /// <param name="rightDate">The second date.</param>
    /// <returns>The difference between the two versions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No version is in force on one of the dates.</exception>
    public static VersionDifference Compare(Policy policy, LocalDate leftDate, LocalDate rightDate)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Compare(InForce(policy, leftDate, null, nameof(leftDate)), InForce(policy, rightDate, null, nameof(rightDate)));
    }

    /// <summary>Compares the versions of a policy in force on two dates for requests from one country (a localized
    /// variant where one applies), over the requests from that country.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="leftDate">The first date.</param>
    /// <param name="rightDate">The second date.</param>
    /// <param name="jurisdiction">The issuing country.</param>
    /// <returns>The difference, restricted to requests issued in <paramref name="jurisdiction"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The country is not an ISO 3166-1 alpha-2 code, or no version is in force on one of the dates.</exception>
    public static VersionDifference Compare(Policy policy, LocalDate leftDate, LocalDate rightDate, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!jurisdiction.IsKnown)
        {
            throw new ArgumentException($"'{jurisdiction.Code}' is not an ISO 3166-1 alpha-2 country code.", nameof(jurisdiction));
        }

        return Compare(
            InForce(policy, leftDate, jurisdiction, nameof(leftDate)),
            InForce(policy, rightDate, jurisdiction, nameof(rightDate)),
            Condition.JurisdictionIs(jurisdiction.Code));
    }

    /// <summary>Answers whether every item one version permits, another permits too.</summary>
    /// <param name="version">The version asked about.</param>
    /// <param name="reference">The version it is measured against.</param>
    /// <returns>Yes, or no with a request <paramref name="version"/> permits and <paramref name="reference"/> does not.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ComparisonVerdict IsAtMostAsPermissive(RuleVersion version, RuleVersion reference) => Permissiveness(version, reference, null);

    /// <summary>Answers whether every item one version permits, another permits too, among the items where a condition holds.</summary>
    /// <param name="version">The version asked about.</param>
    /// <param name="reference">The version it is measured against.</param>
    /// <param name="scope">The items considered.</param>
    /// <returns>Yes, or no with a counterexample inside <paramref name="scope"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ComparisonVerdict IsAtMostAsPermissive(RuleVersion version, RuleVersion reference, Condition scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Permissiveness(version, reference, scope);
    }

    /// <summary>Answers whether two versions decide every item the same way (permitted, denied, pending or not applicable).</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    /// <returns>Yes, or no with a request they decide differently.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ComparisonVerdict AreEquivalent(RuleVersion left, RuleVersion right) => Equivalence(left, right, null);

    /// <summary>Answers whether two versions decide every item where a condition holds the same way.</summary>
    /// <param name="left">One version.</param>
    /// <param name="right">The other.</param>
    /// <param name="scope">The items considered.</param>
    /// <returns>Yes, or no with a counterexample inside <paramref name="scope"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ComparisonVerdict AreEquivalent(RuleVersion left, RuleVersion right, Condition scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Equivalence(left, right, scope);
    }

    private static RuleVersion InForce(Policy policy, LocalDate date, Jurisdiction? jurisdiction, string parameter)
    {
        RuleVersion? version = jurisdiction is Jurisdiction j ? policy.VersionInForceOn(date, j) : policy.VersionInForceOn(date);
        return version ?? throw new ArgumentException(
            $"No version of {policy.Id} is in force on {IsoDates.Format(date)}.", parameter);
    }

    // The scoped and unscoped overloads differ only in the scope (null for the whole space) and the question's ending.
    private static VersionDifference Difference(RuleVersion left, RuleVersion right, Condition? scope)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Difference(InputSpace.Build(left, right, scope, DefaultMaxClasses));
    }

    private static ComparisonVerdict Permissiveness(RuleVersion version, RuleVersion reference, Condition? scope)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(reference);
        return Verdict(InputSpace.Build(version, reference, scope, DefaultMaxClasses), WalkMode.FirstWider, $"Is {version.Id} at most as permissive as {reference.Id}{Where(scope)}?");
    }

    private static ComparisonVerdict Equivalence(RuleVersion left, RuleVersion right, Condition? scope)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Verdict(InputSpace.Build(left, right, scope, DefaultMaxClasses), WalkMode.FirstDifference, $"Are {left.Id} and {right.Id} equivalent{Where(scope)}?");
    }

    private static string Where(Condition? scope) => scope is null ? string.Empty : $" where {scope}";

    private static ComparisonVerdict Verdict(InputSpace space, WalkMode mode, string question)
    {
        DomainWalk walk = DomainWalk.Run(space, mode);
        if (walk.Stop is not int[] digits)
        {
            return new ComparisonVerdict(question, space.Left.Id, space.Right.Id, null, null, null, []);
        }

        return new ComparisonVerdict(
            question,
            space.Left.Id,
            space.Right.Id,
            space.Request(digits, $"counterexample-{space.Left.Id}-{space.Right.Id}"),
            OutcomeText.OfSingleItem(walk.StopLeft),
            OutcomeText.OfSingleItem(walk.StopRight),
            ClassConditions(space, digits));
    }

    private static VersionDifference Difference(InputSpace space)
    {
        DomainWalk walk = DomainWalk.Run(space, WalkMode.All);
        List<(ulong[] Words, int Label)> cubes = RegionMerger.Merge(walk);
        var regions = new List<DifferenceRegion>(cubes.Count);
        foreach ((ulong[] words, int label) in cubes)
        {
            regions.Add(Region(space, words, label));
        }

        regions.Sort(static (a, b) =>
        {
            int order = Rank(a).CompareTo(Rank(b));
            order = order != 0 ? order : a.LeftOutcome.CompareTo(b.LeftOutcome);
            order = order != 0 ? order : a.RightOutcome.CompareTo(b.RightOutcome);
            order = order != 0 ? order : b.CombinationCount.CompareTo(a.CombinationCount);
            return order != 0 ? order : string.CompareOrdinal(a.Where, b.Where);
        });
        return new VersionDifference(space, walk, regions);

        static int Rank(DifferenceRegion region) => region.Widens ? 0 : region.Narrows ? 1 : 2;
    }

    private static DifferenceRegion Region(InputSpace space, ulong[] words, int label)
    {
        AxisPartition[] axes = space.Axes;
        int instrument = (int)SpaceAxis.Instrument;
        int preservation = (int)SpaceAxis.PreservationOnly;
        var conditions = new List<RegionCondition>();
        long classes = 1;
        long combinations = 1;
        int[] example = new int[axes.Length];
        for (int d = 0; d < axes.Length; d++)
        {
            ReadOnlySpan<ulong> set = Span(space, words, d);
            if (axes[d].Describe(set) is RegionCondition condition)
            {
                conditions.Add(condition);
            }

            if (d == instrument || d == preservation)
            {
                continue;
            }

            long count = 0;
            long raw = 0;
            example[d] = -1;
            for (int c = 0; c < axes[d].Count; c++)
            {
                if (AxisPartition.Has(set, c))
                {
                    count++;
                    raw += axes[d].Raw(c);
                    if (example[d] < 0 && (d != (int)SpaceAxis.ReceivedOn || space.Dates.Representatives[c] is not null))
                    {
                        example[d] = c;
                    }
                }
            }

            classes = checked(classes * count);
            combinations = checked(combinations * raw);
        }

        // The instrument and the preservation answer are counted together, leaving out the pairs no request takes.
        long pairs = 0;
        long rawPairs = 0;
        ReadOnlySpan<ulong> instruments = Span(space, words, instrument);
        ReadOnlySpan<ulong> answers = Span(space, words, preservation);
        example[instrument] = -1;
        for (int i = 0; i < axes[instrument].Count; i++)
        {
            for (int p = 0; p < axes[preservation].Count; p++)
            {
                if (AxisPartition.Has(instruments, i) && AxisPartition.Has(answers, p) && space.IsFeasible(i, p))
                {
                    pairs++;
                    rawPairs += axes[instrument].Raw(i) * axes[preservation].Raw(p);
                    if (example[instrument] < 0)
                    {
                        (example[instrument], example[preservation]) = (i, p);
                    }
                }
            }
        }

        var left = (ItemOutcome)(label >> 3);
        var right = (ItemOutcome)(label & 7);
        return new DifferenceRegion(
            space.Left.Id,
            space.Right.Id,
            left,
            right,
            conditions,
            checked(classes * pairs),
            checked(combinations * rawPairs),
            space.Request(example, $"example-{space.Left.Id}-{space.Right.Id}"),
            words);
    }

    private static List<RegionCondition> ClassConditions(InputSpace space, int[] digits)
    {
        var conditions = new List<RegionCondition>();
        for (int d = 0; d < space.Axes.Length; d++)
        {
            ulong[] set = new ulong[(space.Axes[d].Count + 63) / 64];
            set[digits[d] >> 6] |= 1UL << (digits[d] & 63);
            if (space.Axes[d].Describe(set) is RegionCondition condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private static ReadOnlySpan<ulong> Span(InputSpace space, ulong[] words, int axis) =>
        words.AsSpan(space.Offsets[axis], space.Offsets[axis + 1] - space.Offsets[axis]);
}
