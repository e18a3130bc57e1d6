using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The exact difference between two rule versions over the whole input space: every region where they decide an item
/// differently, found by deciding one item of every class of facts the versions' clauses can tell apart (no sampling).
/// </summary>
/// <remarks>
/// <para>The input space is that of one item: the order's facts, one account's facts, one data category and the receipt
/// date. A request's outcome combines its items', so the versions decide some request differently exactly when they
/// decide some item differently. Each version decides as <see cref="DisclosureEngine.Evaluate(LegalRequest, RuleVersion)"/>
/// does: its clauses apply whatever its effective period and audience; the receipt date matters only through the
/// Terms-of-Service items in force on the version's <see cref="RuleVersion.CatalogueDate"/>.</para>
/// <para>Only valid requests are counted: a preservation instrument always asks only for preservation.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class VersionDifference
{
    private readonly InputSpace _space;

    internal VersionDifference(InputSpace space, DomainWalk walk, IEnumerable<DifferenceRegion> regions)
    {
        _space = space;
        Regions = Array.AsReadOnly(regions.ToArray());
        Partitions = Array.AsReadOnly(space.Axes
            .Select(a => new FactPartition(a.Key, a.Name, Enumerable.Range(0, a.Count).Select(a.Phrase)))
            .ToArray());
        ClassCount = walk.Classes;
        CombinationCount = walk.Combinations;
        DifferingClassCount = walk.DifferingClasses;
        DifferingCombinationCount = walk.DifferingCombinations;
    }

    /// <summary>Gets the left version.</summary>
    public RuleVersion Left => _space.Left;

    /// <summary>Gets the right version.</summary>
    public RuleVersion Right => _space.Right;

    /// <summary>Gets the condition that restricted the comparison to part of the space, or <see langword="null"/> for the whole space.</summary>
    public Condition? Scope => _space.Scope;

    /// <summary>Gets the regions where the versions decide differently: disjoint, those where the right version permits
    /// more first, then those where it permits less, then the rest.</summary>
    public IReadOnlyList<DifferenceRegion> Regions { get; }

    /// <summary>Gets how the values of each fact were divided into classes, in fact order (the receipt date first).</summary>
    internal IReadOnlyList<FactPartition> Partitions { get; }

    /// <summary>Gets a value indicating whether the versions decide every item of the space the same way.</summary>
    public bool AreEquivalent => Regions.Count == 0;

    /// <summary>Gets the number of classes of items compared.</summary>
    public long ClassCount { get; }

    /// <summary>Gets the number of combinations of fact values compared (each receipt-date class counts once).</summary>
    public long CombinationCount { get; }

    /// <summary>Gets the number of classes where the versions decide differently.</summary>
    public long DifferingClassCount { get; }

    /// <summary>Gets the number of combinations of fact values where the versions decide differently.</summary>
    public long DifferingCombinationCount { get; }

    /// <summary>Returns the region an item of a request falls in.</summary>
    /// <param name="request">A valid request.</param>
    /// <param name="subject">One of its subjects.</param>
    /// <param name="category">One of its requested data categories.</param>
    /// <returns>The region, or <see langword="null"/> when the versions decide the item the same way (or it lies outside <see cref="Scope"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="subject"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The request is not valid, or the subject or category is not one of its items.</exception>
    public DifferenceRegion? FindRegion(LegalRequest request, Subject subject, DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        ValidationResult validation = request.Validate();
        if (!validation.IsValid)
        {
            throw new ArgumentException($"The request is not valid:{Environment.NewLine}{validation}", nameof(request));
        }

        if (!request.Subjects.Contains(subject))
        {
            throw new ArgumentException($"{subject} is not a subject of the request.", nameof(subject));
        }

        if (!request.RequestedData.Contains(category))
        {
            throw new ArgumentException($"{category} is not requested.", nameof(category));
        }

        if (Scope is not null)
        {
            FactVector facts = FactReader.ForOrder(request);
            FactReader.SetSubject(ref facts, subject, Left, request.ReceivedOn);
            FactReader.SetCategory(ref facts, category);
            if (!Scope.Holds(in facts))
            {
                return null;
            }
        }

        Span<int> digits = stackalloc int[_space.Axes.Length];
        _space.Classify(request, subject, category, digits);
        foreach (DifferenceRegion region in Regions)
        {
            bool inside = true;
            for (int d = 0; d < digits.Length && inside; d++)
            {
                inside = AxisPartition.Has(region.Words.AsSpan(_space.Offsets[d]), digits[d]);
            }

            if (inside)
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>Renders the difference as Markdown: the versions, a table of regions with both outcomes and their sizes,
    /// and how each fact was divided.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => DifferenceMarkdown.Render(this);

    /// <summary>Renders the difference as JSON.</summary>
    /// <returns>An indented JSON document.</returns>
    public string ToJson() => DifferenceJson.Render(this);

    /// <summary>Writes the difference as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DifferenceJson.Write(this, writer);
    }

    /// <summary>Returns a one-line summary.</summary>
    /// <returns>For example <c>V1 vs V2: 7 regions, 1,234 of 36,864 classes differ</c>.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"{Left.Id} vs {Right.Id}: {Regions.Count} region(s), {DifferingClassCount:N0} of {ClassCount:N0} classes differ");
}
