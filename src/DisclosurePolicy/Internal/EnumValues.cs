namespace DisclosurePolicy.Internal;

/// <summary>Checks on the domain enums, whose zero member is always the invalid <c>Unspecified</c>.</summary>
internal static class EnumValues
{
    public static bool IsSpecified<T>(T value)
        where T : struct, Enum =>
        DefinedValues<T>.Mask != 0
            ? DefinedValues<T>.Contains(value)
            : Enum.IsDefined(value) && !EqualityComparer<T>.Default.Equals(value, default);

    public static string Accepted<T>()
        where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Skip(1));
}
