using DisclosurePolicy.Internal;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Evaluation;

/// <summary>Reads a validated request into the bit-set facts conditions test, level by level, without allocating.</summary>
internal static class FactReader
{
    public static FactVector ForOrder(LegalRequest r) => new()
    {
        Instrument = FactVector.Bit((int)r.Instrument),
        Authority = FactVector.Bit((int)r.Authority.Kind),
        Jurisdiction = r.Jurisdiction.Code,
        // Membership on the day the request was received, not today's list: the United Kingdom left on 2020-01-31.
        EuMember = FactVector.Bit(r.Jurisdiction.IsEuMemberStateOn(r.ReceivedOn)),
        Proceeding = FactVector.Bit((int)r.Proceeding),
        OrderValid = FactVector.Bit(r.OrderIsValid),
        IssuerRelevant = FactVector.Bit(r.IssuerIsRelevant),
        Recipient = FactVector.Bit((int)r.Recipient),
        Verification = FactVector.Bit((int)r.Provenance.Verification),
        PreservationOnly = FactVector.Bit(r.PreservationOnly),
        EmergencyClaim = FactVector.Bit(r.EmergencyClaim),
        Analysis = FactVector.Bit((int)r.LegalAnalysis.Outcome),
    };

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

        facts.Status = FactVector.Bit((int)subject.Status);
        facts.Offences = offences;
        facts.TosItems = catalogue.Violated(offences) & itemsInForce;
    }

    public static void SetCategory(ref FactVector facts, DataCategory category) =>
        facts.Category = FactVector.Bit((int)category);

    /// <summary>The value a fact had, as text, for a reason's list of facts.</summary>
    public static string Describe(Fact fact, in FactVector facts)
    {
        if (fact == Fact.Jurisdiction)
        {
            return facts.Jurisdiction ?? string.Empty;
        }

        ulong bits = facts.Bits(fact);
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
