namespace DisclosurePolicy.Internal;

/// <summary>
/// Checks on the domain enums, whose zero member is always the invalid <c>Unspecified</c>, and the one parser of their
/// names used by every reader (JSON, rule definitions, configuration).
/// </summary>
/// <remarks>
/// A name is accepted in exactly one spelling, case aside. <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// is not used because it also takes numbers, surrounding spaces and comma-joined lists that it combines as flags
/// (<c>"PrivateParty, Lawyer"</c> would become a third member), so a rule meant to refuse one value could let it through.
/// </remarks>
internal static class EnumValues
{
    public static bool IsSpecified<T>(T value)
        where T : struct, Enum =>
        DefinedValues<T>.Mask != 0
            ? DefinedValues<T>.Contains(value)
            : Enum.IsDefined(value) && !EqualityComparer<T>.Default.Equals(value, default);

    /// <summary>The accepted names, for messages: every member but the zero one unless <paramref name="allowZero"/>.</summary>
    public static string Accepted<T>(bool allowZero = false)
        where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Skip(allowZero ? 0 : 1));

    /// <summary>Parses a member name, case-insensitively; the zero member only when <paramref name="allowZero"/>.</summary>
    public static bool TryParse<T>(string? text, out T value, bool allowZero = false)
        where T : struct, Enum
    {
        if (TryParse(typeof(T), text, allowZero, out object? parsed))
        {
            value = (T)parsed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a member name of an enum known only at run time (a rule's fact value).</summary>
    public static bool TryParse(Type enumType, string? text, bool allowZero, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (string name in Enum.GetNames(enumType))
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                object member = Enum.Parse(enumType, name);
                if (allowZero || Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture) != 0)
                {
                    value = member;
                    return true;
                }

                return false;
            }
        }

        return false;
    }
}
