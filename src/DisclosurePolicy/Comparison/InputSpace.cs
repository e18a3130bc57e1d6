using System.Numerics;
using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Comparison;

/// <summary>
/// The input space of one item (the order's facts, one account's facts, one data category, and the receipt date) cut
/// into the classes that the clauses of two versions, and an optional scope, can tell apart. Two items of the same class
/// get the same outcome from each version, so deciding one representative per class decides the whole space exactly.
/// </summary>
/// <remarks>
/// <para>The one cross-field rule of a valid request is honoured: a preservation instrument
/// (<see cref="InstrumentKind.PreservationRequest"/>, <see cref="InstrumentKind.EuropeanPreservationOrder"/>) asks only for
/// preservation. The instrument axis is split so that each class either holds only such instruments or none, and the
/// combinations a valid request cannot take are left out.</para>
/// </remarks>
internal sealed class InputSpace
{
    private const ulong PreservationInstruments =
        (1UL << (int)InstrumentKind.PreservationRequest) | (1UL << (int)InstrumentKind.EuropeanPreservationOrder);

    private readonly ulong[][] _items;
    private readonly bool[] _preservationInstrument;
    private readonly int _disclosureAsked;

    private InputSpace(RuleVersion left, RuleVersion right, Condition? scope, AxisPartition[] axes, ulong[][] items)
    {
        Left = left;
        Right = right;
        Scope = scope;
        Axes = axes;
        _items = items;
        Dates = (DatePartition)axes[(int)SpaceAxis.ReceivedOn];
        Jurisdictions = (JurisdictionPartition)axes[(int)SpaceAxis.Jurisdiction];
        Offences = (OffencePartition)axes[(int)SpaceAxis.Offences];
        var instruments = (MemberPartition)axes[(int)SpaceAxis.Instrument];
        _preservationInstrument = [.. Enumerable.Range(0, instruments.Count).Select(i => (instruments.Members(i) & ~PreservationInstruments) == 0)];
        var preservation = (MemberPartition)axes[(int)SpaceAxis.PreservationOnly];
        _disclosureAsked = Enumerable.Range(0, preservation.Count).First(i => preservation.Members(i) == FactVector.Bit(false));

        Offsets = new int[axes.Length + 1];
        for (int d = 0; d < axes.Length; d++)
        {
            Offsets[d + 1] = Offsets[d] + ((axes[d].Count + 63) / 64);
        }
    }

    public RuleVersion Left { get; }

    public RuleVersion Right { get; }

    public Condition? Scope { get; }

    /// <summary>Gets the partitions, indexed by <see cref="SpaceAxis"/>.</summary>
    public AxisPartition[] Axes { get; }

    public DatePartition Dates { get; }

    public JurisdictionPartition Jurisdictions { get; }

    public OffencePartition Offences { get; }

    /// <summary>Gets where each axis's words start in a region's bit layout; the last entry is the total.</summary>
    public int[] Offsets { get; }

    public int Words => Offsets[^1];

    /// <exception cref="ComparisonBudgetExceededException">The classes of every fact together exceed <paramref name="maxClasses"/>.</exception>
    public static InputSpace Build(RuleVersion left, RuleVersion right, Condition? scope, long maxClasses)
    {
        var masks = ConditionMasks.Of(left, right, scope);
        DatePartition dates = DatePartition.Create(left, right, masks.TosItems[0].Count > 0, masks.TosItems[1].Count > 0, masks.Tests(Fact.EuMemberState));

        // Offence tests: the offence sets tested directly, and for each side the offences that, under its catalogue,
        // violate one of the tested items in force in a date class.
        RuleVersion[] versions = [left, right];
        var offenceTests = new List<ulong>(masks.For(Fact.Offences));
        int[] offenceValues = FactInfo.Values(Fact.Offences);
        for (int side = 0; side < 2; side++)
        {
            foreach (ulong tested in masks.TosItems[side])
            {
                foreach (ulong inForce in dates.InForce[side].Distinct())
                {
                    ulong test = 0;
                    foreach (int offence in offenceValues)
                    {
                        if ((versions[side].TermsOfService.MappedItems(offence) & tested & inForce) != 0)
                        {
                            test |= FactVector.Bit(offence);
                        }
                    }

                    offenceTests.Add(test);
                }
            }
        }

        var offences = OffencePartition.Create(offenceTests);
        AxisPartition[] axes =
        [
            dates,
            MemberPartition.Scalar(SpaceAxis.Instrument, "instrument", Fact.Instrument, masks.For(Fact.Instrument).Append(PreservationInstruments)),
            MemberPartition.Scalar(SpaceAxis.Authority, "authority", Fact.AuthorityKind, masks.For(Fact.AuthorityKind)),
            JurisdictionPartition.Create(masks.JurisdictionSets, masks.Tests(Fact.EuMemberState)),
            MemberPartition.Scalar(SpaceAxis.Proceeding, "proceeding", Fact.Proceeding, masks.For(Fact.Proceeding)),
            MemberPartition.YesNo(SpaceAxis.OrderValid, "orderValid", Fact.OrderValid, masks.For(Fact.OrderValid), true, "order valid", "order not valid"),
            MemberPartition.YesNo(SpaceAxis.IssuerRelevant, "issuerRelevant", Fact.IssuerRelevant, masks.For(Fact.IssuerRelevant), true, "issuer relevant", "issuer not relevant"),
            MemberPartition.Scalar(SpaceAxis.Recipient, "recipient", Fact.Recipient, masks.For(Fact.Recipient)),
            MemberPartition.Scalar(SpaceAxis.Verification, "originVerification", Fact.OriginVerification, masks.For(Fact.OriginVerification)),

            // Always split, so that the preservation instruments can be kept to requests asking only for preservation.
            MemberPartition.YesNo(SpaceAxis.PreservationOnly, "preservationOnly", Fact.PreservationOnly, masks.For(Fact.PreservationOnly).Append(FactVector.Bit(true)), false, "preservation only", "disclosure asked"),
            MemberPartition.YesNo(SpaceAxis.EmergencyClaim, "emergencyClaim", Fact.EmergencyClaim, masks.For(Fact.EmergencyClaim), false, "emergency claimed", "no emergency claimed"),
            MemberPartition.Scalar(SpaceAxis.Analysis, "legalAnalysis", Fact.LegalAnalysis, masks.For(Fact.LegalAnalysis)),
            MemberPartition.Scalar(SpaceAxis.Status, "subjectStatus", Fact.SubjectStatus, masks.For(Fact.SubjectStatus)),
            offences,
            MemberPartition.Scalar(SpaceAxis.Category, "dataCategory", Fact.DataCategory, masks.For(Fact.DataCategory)),
        ];

        // Checked before any item is decided: the walk's cost grows with this product.
        BigInteger classes = BigInteger.One;
        foreach (AxisPartition axis in axes)
        {
            classes *= axis.Count;
        }

        if (classes > maxClasses)
        {
            throw new ComparisonBudgetExceededException(left.Id, right.Id, (long)BigInteger.Min(classes, long.MaxValue), maxClasses);
        }

        // The Terms-of-Service items each side sees, per offence class and date class.
        ulong[][] items = [new ulong[offences.Count * dates.Count], new ulong[offences.Count * dates.Count]];
        for (int side = 0; side < 2; side++)
        {
            if (masks.TosItems[side].Count == 0)
            {
                continue;
            }

            for (int o = 0; o < offences.Count; o++)
            {
                for (int t = 0; t < dates.Count; t++)
                {
                    if (dates.Representatives[t] is NodaTime.LocalDate date)
                    {
                        items[side][(o * dates.Count) + t] = versions[side].TermsOfService.Violated(offences.Representatives[o], versions[side].CatalogueDate(date));
                    }
                }
            }
        }

        return new InputSpace(left, right, scope, axes, items);
    }

    /// <summary>The EU-membership bits of a jurisdiction class on the representative date of a date class (0 for a class
    /// without a valid date).</summary>
    public ulong EuMember(int jurisdictionClass, int dateClass) =>
        Dates.Representatives[dateClass] is NodaTime.LocalDate on ? Jurisdictions.EuBits(jurisdictionClass, on) : 0;

    /// <summary>Gets, per side, the Terms-of-Service items seen, indexed by offence class times date classes plus date class.</summary>
    public ulong[] Items(int side) => _items[side];

    public bool IsFeasible(int instrumentClass, int preservationClass) =>
        !(_preservationInstrument[instrumentClass] && preservationClass == _disclosureAsked);

    /// <summary>Writes the representative facts of a class into <paramref name="facts"/> (all but the Terms-of-Service items).</summary>
    public void Apply(ref FactVector facts, int axis, int index)
    {
        switch ((SpaceAxis)axis)
        {
            case SpaceAxis.ReceivedOn:
                break;
            case SpaceAxis.Jurisdiction:
                // EU membership depends on the receipt date too: the walk sets it per date class (EuMember).
                facts.Jurisdiction = Jurisdictions.Representatives[index];
                break;
            case SpaceAxis.Offences:
                facts[Fact.Offences] = Offences.Representatives[index];
                break;
            default:
                var partition = (MemberPartition)Axes[axis];
                facts[partition.Fact] = partition.Representatives[index];
                break;
        }
    }

    /// <summary>Builds a valid single-item request that stands for the class with the given index on each axis.</summary>
    public LegalRequest Request(int[] digits, string id)
    {
        ulong Bits(SpaceAxis axis) => ((MemberPartition)Axes[(int)axis]).Representatives[digits[(int)axis]];
        static int Value(ulong bits) => BitOperations.TrailingZeroCount(bits);
        static bool Yes(ulong bits) => bits == FactVector.Bit(true);

        ulong offences = Offences.Representatives[digits[(int)SpaceAxis.Offences]];
        var list = new List<OffenceCategory>();
        for (ulong rest = offences; rest != 0; rest &= rest - 1)
        {
            list.Add((OffenceCategory)BitOperations.TrailingZeroCount(rest));
        }

        return new LegalRequest
        {
            Id = id,
            ReceivedOn = Dates.Representatives[digits[(int)SpaceAxis.ReceivedOn]]
                ?? throw new InvalidOperationException("The receipt-date class holds no valid date."),
            Instrument = (InstrumentKind)Value(Bits(SpaceAxis.Instrument)),
            Authority = new IssuingAuthority((IssuingAuthorityKind)Value(Bits(SpaceAxis.Authority)), null),
            Jurisdiction = new Jurisdiction(Jurisdictions.Representatives[digits[(int)SpaceAxis.Jurisdiction]]),
            Proceeding = (ProceedingKind)Value(Bits(SpaceAxis.Proceeding)),
            OrderIsValid = Yes(Bits(SpaceAxis.OrderValid)),
            IssuerIsRelevant = Yes(Bits(SpaceAxis.IssuerRelevant)),
            Recipient = (RecipientKind)Value(Bits(SpaceAxis.Recipient)),
            Provenance = new Provenance(RequestChannel.LawEnforcementPortal, (OriginVerification)Value(Bits(SpaceAxis.Verification))),
            PreservationOnly = Yes(Bits(SpaceAxis.PreservationOnly)),
            EmergencyClaim = Yes(Bits(SpaceAxis.EmergencyClaim)),
            Subjects = [new Subject("account-1", (SubjectStatus)Value(Bits(SpaceAxis.Status)), list)],
            RequestedData = [(DataCategory)Value(Bits(SpaceAxis.Category))],
            LegalAnalysis = new LegalAnalysis((LegalAnalysisOutcome)Value(Bits(SpaceAxis.Analysis)), null),
        };
    }

    /// <summary>Finds the class of each axis that holds an item of a valid request.</summary>
    public void Classify(LegalRequest request, Subject subject, DataCategory category, Span<int> digits)
    {
        digits[(int)SpaceAxis.ReceivedOn] = Dates.IndexOf(request.ReceivedOn);
        digits[(int)SpaceAxis.Instrument] = Member(SpaceAxis.Instrument, (int)request.Instrument);
        digits[(int)SpaceAxis.Authority] = Member(SpaceAxis.Authority, (int)request.Authority.Kind);
        digits[(int)SpaceAxis.Jurisdiction] = Jurisdictions.IndexOf(request.Jurisdiction.Code);
        digits[(int)SpaceAxis.Proceeding] = Member(SpaceAxis.Proceeding, (int)request.Proceeding);
        digits[(int)SpaceAxis.OrderValid] = Member(SpaceAxis.OrderValid, request.OrderIsValid ? 1 : 0);
        digits[(int)SpaceAxis.IssuerRelevant] = Member(SpaceAxis.IssuerRelevant, request.IssuerIsRelevant ? 1 : 0);
        digits[(int)SpaceAxis.Recipient] = Member(SpaceAxis.Recipient, (int)request.Recipient);
        digits[(int)SpaceAxis.Verification] = Member(SpaceAxis.Verification, (int)request.Provenance.Verification);
        digits[(int)SpaceAxis.PreservationOnly] = Member(SpaceAxis.PreservationOnly, request.PreservationOnly ? 1 : 0);
        digits[(int)SpaceAxis.EmergencyClaim] = Member(SpaceAxis.EmergencyClaim, request.EmergencyClaim ? 1 : 0);
        digits[(int)SpaceAxis.Analysis] = Member(SpaceAxis.Analysis, (int)request.LegalAnalysis.Outcome);
        digits[(int)SpaceAxis.Status] = Member(SpaceAxis.Status, (int)subject.Status);
        ulong offences = 0;
        foreach (OffenceCategory offence in subject.Offences)
        {
            offences |= FactVector.Bit((int)offence);
        }

        digits[(int)SpaceAxis.Offences] = Offences.IndexOf(offences);
        digits[(int)SpaceAxis.Category] = Member(SpaceAxis.Category, (int)category);
    }

    private int Member(SpaceAxis axis, int value)
    {
        var partition = (MemberPartition)Axes[(int)axis];
        for (int i = 0; i < partition.Count; i++)
        {
            if ((partition.Members(i) & FactVector.Bit(value)) != 0)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a value of {partition.Name}.");
    }
}
