using DisclosurePolicy.Internal;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace DisclosurePolicy.Rules;

/// <summary>
/// Computes a content hash of a rule version's whole definition, so that a decision record can pin exactly which rules
/// decided it.
/// </summary>
/// <remarks>
/// <para>The hash is SHA-256 over a canonical text encoding of every member of the version: id, title, effective dates,
/// citation, wording, cadence, jurisdictions, each Terms-of-Service catalogue entry (item, wording, dates) and offence
/// mapping, and each clause in order (id, citation, wording, summary, the condition tree with every fact test and its
/// values, and the effect with its reason code and categories). Every string is length-prefixed, so no choice of
/// wording can make two different definitions encode alike. Enum members are encoded by name and dates as ISO
/// <c>yyyy-MM-dd</c>.</para>
/// <para>The encoding is part of the record format (<c>docs/record-format.md</c>): changing it changes every hash, so it
/// carries its own version tag (<see cref="EncodingVersion"/>) inside the hashed text.</para>
/// <para>The hash depends only on the definition: two versions built separately from the same data hash alike.</para>
/// </remarks>
public static class RuleVersionHash
{
    /// <summary>The tag of the canonical encoding, hashed first.</summary>
    public const string EncodingVersion = "rule-version-hash/1";

    /// <summary>The prefix of every hash this class returns.</summary>
    public const string Prefix = "sha256:";

    /// <summary>Computes the content hash of a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns><c>sha256:</c> followed by 64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public static string Compute(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(version)));
        return Prefix + Convert.ToHexStringLower(digest);
    }

    /// <summary>Returns the canonical text that <see cref="Compute"/> hashes, for auditors who want to check a hash by hand.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The canonical encoding: one field per line, strings length-prefixed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public static string CanonicalText(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var text = new StringBuilder();
        Field(text, "encoding", EncodingVersion);
        Field(text, "id", version.Id);
        Field(text, "title", version.Title);
        Field(text, "effectiveFrom", IsoDates.Format(version.EffectiveFrom));
        Field(text, "effectiveUntil", version.EffectiveUntil is LocalDate until ? IsoDates.Format(until) : "open");
        Field(text, "citation", version.Citation);
        Field(text, "wording", version.Wording);
        Field(text, "cadence", version.Cadence.ToString());
        Count(text, "jurisdictions", version.Jurisdictions.Count);
        foreach (string code in version.Jurisdictions)
        {
            Field(text, "jurisdiction", code);
        }

        Count(text, "tosEntries", version.TermsOfService.Entries.Count);
        foreach (TosCatalogueEntry entry in version.TermsOfService.Entries)
        {
            Field(text, "tosItem", entry.Item.ToString());
            Field(text, "tosWording", entry.Wording);
            Field(text, "tosFrom", IsoDates.Format(entry.InForceFrom));
            Field(text, "tosUntil", entry.InForceUntil is LocalDate entryUntil ? IsoDates.Format(entryUntil) : "open");
        }

        Count(text, "tosMappings", version.TermsOfService.Mappings.Count);
        foreach (OffenceMapping mapping in version.TermsOfService.Mappings)
        {
            Field(text, "offence", mapping.Offence.ToString());
            Field(text, "items", string.Join(",", mapping.Items));
        }

        Count(text, "clauses", version.Clauses.Count);
        foreach (Clause clause in version.Clauses)
        {
            Field(text, "clause", clause.Id);
            Field(text, "citation", clause.Citation);
            Field(text, "wording", clause.Wording);
            Field(text, "summary", clause.Summary);
            Field(text, "condition", ConditionText(clause.Condition));
            Field(text, "effect", clause.Effect.Kind.ToString());
            Field(text, "reasonCode", clause.Effect.ReasonCode);
            Field(text, "categories", string.Join(",", clause.Effect.Categories));
        }

        return text.ToString();
    }

    private static string ConditionText(Condition condition)
    {
        var text = new StringBuilder();
        AppendCondition(text, condition);
        return text.ToString();
    }

    // Prefix notation with length-prefixed leaves: all(n:...), any(n:...), not(...), fact(Name;v1,v2), jurisdiction(DE,FR).
    private static void AppendCondition(StringBuilder text, Condition condition)
    {
        switch (condition)
        {
            case AllCondition all:
                Operands(text, "all", all.Operands);
                break;
            case AnyCondition any:
                Operands(text, "any", any.Operands);
                break;
            case NotCondition not:
                text.Append("not(");
                AppendCondition(text, not.Operand);
                text.Append(')');
                break;
            case FactCondition fact:
                text.Append("fact(").Append(fact.Fact.ToString()).Append(';').AppendJoin(',', fact.Values).Append(')');
                break;
            case JurisdictionCondition jurisdiction:
                text.Append("jurisdiction(").AppendJoin(',', jurisdiction.Codes).Append(')');
                break;
            default:
                // Only this library defines kinds of condition; a new kind must be encoded here before it can be hashed.
                throw new NotSupportedException($"The condition kind {condition.GetType().Name} has no canonical encoding.");
        }
    }

    private static void Operands(StringBuilder text, string name, IReadOnlyList<Condition> operands)
    {
        text.Append(name).Append('(').Append(operands.Count.ToString(CultureInfo.InvariantCulture)).Append(':');
        for (int i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            AppendCondition(text, operands[i]);
        }

        text.Append(')');
    }


    private static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append(' ').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');

    private static void Count(StringBuilder text, string name, int count) =>
        text.Append(name).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
