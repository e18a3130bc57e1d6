using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;

namespace DisclosurePolicy.Internal;

/// <summary>Reference data about each <see cref="Fact"/>: its level, shape, value names and wording.</summary>
internal static class FactInfo
{
    public static FactLevel Level(Fact fact) => fact switch
    {
        Fact.SubjectStatus or Fact.Offences or Fact.TosItems => FactLevel.Subject,
        Fact.DataCategory => FactLevel.DataItem,
        _ => FactLevel.Order,
    };

    public static FactShape Shape(Fact fact) => fact switch
    {
        Fact.EuMemberState or Fact.OrderValid or Fact.IssuerRelevant or Fact.PreservationOnly or Fact.EmergencyClaim => FactShape.YesNo,
        Fact.Offences or Fact.TosItems => FactShape.Set,
        Fact.Jurisdiction => FactShape.Code,
        _ => FactShape.Scalar,
    };

    public static bool IsDefined(Fact fact) => EnumValues.IsSpecified(fact);

    /// <summary>The enum whose members a scalar or set fact takes; <see langword="null"/> for yes/no and code facts.</summary>
    public static Type? ValueType(Fact fact) => fact switch
    {
        Fact.Instrument => typeof(InstrumentKind),
        Fact.AuthorityKind => typeof(IssuingAuthorityKind),
        Fact.Proceeding => typeof(ProceedingKind),
        Fact.Recipient => typeof(RecipientKind),
        Fact.OriginVerification => typeof(OriginVerification),
        Fact.LegalAnalysis => typeof(LegalAnalysisOutcome),
        Fact.SubjectStatus => typeof(SubjectStatus),
        Fact.Offences => typeof(OffenceCategory),
        Fact.TosItems => typeof(TosItem),
        Fact.DataCategory => typeof(DataCategory),
        _ => null,
    };

    /// <summary>Every valid value of a scalar, set or yes/no fact (yes/no: 0 for no, 1 for yes).</summary>
    public static int[] Values(Fact fact) => fact switch
    {
        Fact.Instrument => Members<InstrumentKind>(),
        Fact.AuthorityKind => Members<IssuingAuthorityKind>(),
        Fact.Proceeding => Members<ProceedingKind>(),
        Fact.Recipient => Members<RecipientKind>(),
        Fact.OriginVerification => Members<OriginVerification>(),
        Fact.LegalAnalysis => Members<LegalAnalysisOutcome>(),
        Fact.SubjectStatus => Members<SubjectStatus>(),
        Fact.Offences => Members<OffenceCategory>(),
        Fact.TosItems => Members<TosItem>(),
        Fact.DataCategory => Members<DataCategory>(),
        _ when Shape(fact) == FactShape.YesNo => [0, 1],
        _ => [],
    };

    public static string ValueName(Fact fact, int value)
    {
        if (Shape(fact) == FactShape.YesNo)
        {
            return value == 0 ? "no" : "yes";
        }

        string?[] names = (uint)fact < (uint)Names.Length ? Names[(int)fact] : [];
        return (uint)value < (uint)names.Length && names[value] is string name
            ? name
            : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // The member names of each scalar and set fact's enum, by value, read once: every explanation names fact values.
    private static readonly string?[][] Names = BuildNames();

    /// <summary>Parses a value name (an enum member name, or yes/no/true/false) for a fact; case-insensitive.</summary>
    public static bool TryParseValue(Fact fact, string name, out int value)
    {
        value = 0;
        if (Shape(fact) == FactShape.YesNo)
        {
            switch (name.ToUpperInvariant())
            {
                case "YES" or "TRUE":
                    value = 1;
                    return true;
                case "NO" or "FALSE":
                    value = 0;
                    return true;
                default:
                    return false;
            }
        }

        Type? type = ValueType(fact);
        if (type is null || !EnumValues.TryParse(type, name, allowZero: false, out object? parsed))
        {
            return false;
        }

        value = Convert.ToInt32(parsed, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The accepted value names of a fact, for error messages.</summary>
    public static string AcceptedValues(Fact fact) => Shape(fact) switch
    {
        FactShape.YesNo => "yes, no",
        FactShape.Code => "ISO 3166-1 alpha-2 country codes",
        _ => string.Join(", ", Values(fact).Select(v => ValueName(fact, v))),
    };

    public static string Describe(Fact fact) => fact switch
    {
        Fact.Instrument => "instrument",
        Fact.AuthorityKind => "issuing authority",
        Fact.Jurisdiction => "issuing jurisdiction",
        Fact.EuMemberState => "issued in an EU member state",
        Fact.Proceeding => "proceeding",
        Fact.OrderValid => "order valid",
        Fact.IssuerRelevant => "issuer relevant",
        Fact.Recipient => "recipient",
        Fact.OriginVerification => "origin verification",
        Fact.PreservationOnly => "preservation only",
        Fact.EmergencyClaim => "emergency claimed",
        Fact.LegalAnalysis => "legal analysis",
        Fact.SubjectStatus => "subject status",
        Fact.Offences => "offences",
        Fact.TosItems => "Terms-of-Service items",
        Fact.DataCategory => "data category",
        _ => fact.ToString(),
    };

    private static string?[][] BuildNames()
    {
        Fact[] facts = Enum.GetValues<Fact>();
        var names = new string?[(int)facts.Max() + 1][];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = [];
        }

        foreach (Fact fact in facts)
        {
            if (fact >= 0)
            {
                names[(int)fact] = NamesOf(fact);
            }
        }

        return names;
    }

    private static string?[] NamesOf(Fact fact)
    {
        Type? type = ValueType(fact);
        if (type is null)
        {
            return [];
        }

        int[] values = [.. Enum.GetValuesAsUnderlyingType(type).Cast<object>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))];
        var names = new string?[values.Length == 0 ? 0 : values.Max() + 1];
        foreach (int value in values)
        {
            if (value >= 0)
            {
                names[value] = Enum.GetName(type, value);
            }
        }

        return names;
    }

    private static int[] Members<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).Where(v => v != 0)];
}
