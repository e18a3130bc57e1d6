using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>Reads a validated request into the bit-set facts conditions test, level by level, without allocating.</summary>
internal static class FactReader
{
    public static FactVector ForOrder(LegalRequest r)
    {
        var facts = new FactVector { Jurisdiction = r.Jurisdiction.Code };
        facts[Fact.Instrument] = FactVector.Bit((int)r.Instrument);
        facts[Fact.AuthorityKind] = FactVector.Bit((int)r.Authority.Kind);

        // Membership on the day the request was received, not today's list: the United Kingdom left on 2020-01-31.
        facts[Fact.EuMemberState] = FactVector.Bit(r.Jurisdiction.IsEuMemberStateOn(r.ReceivedOn));
        facts[Fact.Proceeding] = FactVector.Bit((int)r.Proceeding);
        facts[Fact.OrderValid] = FactVector.Bit(r.OrderIsValid);
        facts[Fact.IssuerRelevant] = FactVector.Bit(r.IssuerIsRelevant);
        facts[Fact.Recipient] = FactVector.Bit((int)r.Recipient);
        facts[Fact.OriginVerification] = FactVector.Bit((int)r.Provenance.Verification);
        facts[Fact.PreservationOnly] = FactVector.Bit(r.PreservationOnly);
        facts[Fact.EmergencyClaim] = FactVector.Bit(r.EmergencyClaim);
        facts[Fact.LegalAnalysis] = FactVector.Bit((int)r.LegalAnalysis.Outcome);
        return facts;
    }

    public static void SetSubject(ref FactVector facts, Subject subject, RuleVersion version, NodaTime.LocalDate receivedOn) =>
        SetSubject(ref facts, subject, version.TermsOfService, version.TermsOfService.InForceMask(version.CatalogueDate(receivedOn)));

    /// <summary>Sets the account's facts, given the mask of the Terms-of-Service items in force (the same for the whole request).</summary>
    public static void SetSubject(ref FactVector facts, Subject subject, TosCatalogue catalogue, ulong itemsInForce)
    {
        ulong offences = 0;
        foreach (OffenceCategory offence in subject.OffenceArray)
        {
            offences |= FactVector.Bit((int)offence);
        }

        facts[Fact.SubjectStatus] = FactVector.Bit((int)subject.Status);
        facts[Fact.Offences] = offences;
        facts[Fact.TosItems] = catalogue.Violated(offences) & itemsInForce;
    }

    public static void SetCategory(ref FactVector facts, DataCategory category) =>
        facts[Fact.DataCategory] = FactVector.Bit((int)category);

    /// <summary>The value a fact had, as text, for a reason's list of facts.</summary>
    public static string Describe(Fact fact, in FactVector facts)
    {
        if (fact == Fact.Jurisdiction)
        {
            return facts.Jurisdiction ?? string.Empty;
        }

        ulong bits = facts[fact];
        if (FactInfo.Shape(fact) == FactShape.YesNo)
        {
            return bits == 2UL ? "yes" : "no";
        }

        // One value (every scalar fact, and most sets): its name, with nothing to join.
        if (bits != 0 && (bits & (bits - 1)) == 0)
        {
            return FactInfo.ValueName(fact, System.Numerics.BitOperations.TrailingZeroCount(bits));
        }

        if (bits == 0)
        {
            return "none";
        }

        // Several values: their names joined by ", ", written straight into the one string they become.
        int length = -2;
        for (ulong rest = bits; rest != 0; rest &= rest - 1)
        {
            length += FactInfo.ValueName(fact, System.Numerics.BitOperations.TrailingZeroCount(rest)).Length + 2;
        }

        return string.Create(length, (fact, bits), static (span, state) =>
        {
            int at = 0;
            for (ulong rest = state.bits; rest != 0; rest &= rest - 1)
            {
                if (at > 0)
                {
                    span[at++] = ',';
                    span[at++] = ' ';
                }

                string name = FactInfo.ValueName(state.fact, System.Numerics.BitOperations.TrailingZeroCount(rest));
                name.AsSpan().CopyTo(span[at..]);
                at += name.Length;
            }
        });
    }

    /// <summary>
    /// The facts a reason lists: those its condition looks at, with the offences shown before the Terms-of-Service items
    /// derived from them, so a reviewer sees which offences failed (or managed) to map.
    /// </summary>
    public static FactValue[] Describe(Fact[] looked, in FactVector facts)
    {
        if (looked.Length == 0)
        {
            return [];
        }

        bool showOffences = Contains(looked, Fact.TosItems) && !Contains(looked, Fact.Offences);
        var values = new FactValue[looked.Length + (showOffences ? 1 : 0)];
        int at = 0;
        for (int i = 0; i < looked.Length; i++)
        {
            if (showOffences && looked[i] == Fact.TosItems)
            {
                values[at++] = new FactValue(FactInfo.Describe(Fact.Offences), Describe(Fact.Offences, in facts));
            }

            values[at++] = new FactValue(FactInfo.Describe(looked[i]), Describe(looked[i], in facts));
        }

        return values;
    }

    private static bool Contains(Fact[] facts, Fact fact)
    {
        for (int i = 0; i < facts.Length; i++)
        {
            if (facts[i] == fact)
            {
                return true;
            }
        }

        return false;
    }
}
