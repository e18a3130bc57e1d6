using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Testing;

/// <summary>
/// The case suite of the built-in versions (V0, V1, V2): a permit of each, the near miss of each clause one changed fact
/// can break, and an emergency claim without an order. Its coverage reaches every clause of V1 and V2.
/// </summary>
/// <remarks><para>The package also carries it as <c>cases/telegram-privacy-8.3.cases.json</c>, a starting point for a
/// host's own suite: run against a host's variant, it shows every past decision the variant changes.</para></remarks>
public static class BuiltInCases
{
    private const string Name = "DisclosurePolicy.Testing.Cases.telegram-privacy-8.3.cases.json";

    /// <summary>Gets the suite.</summary>
    public static CaseSuite Suite { get; } = Load();

    /// <summary>Gets the suite as a case file.</summary>
    public static string Json { get; } = ReadResource();

    private static CaseSuite Load()
    {
        ReadResult<CaseSuite> read = CaseSuite.Read(ReadResource());
        return read.Value ?? throw new InvalidOperationException($"The embedded case file {Name} has problems: {read.Problems}");
    }

    private static string ReadResource()
    {
        using Stream stream = typeof(BuiltInCases).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"The embedded resource {Name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
