using DisclosurePolicy.Rules;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.HostExample.Tests;

/// <summary>The host's policy: the built-in versions plus its variant of V2 for orders from Germany, read from its rules file.</summary>
public static class HostPolicy
{
    /// <summary>Gets the policy of rules/host-8.3.json.</summary>
    public static Policy Policy { get; } = Load();

    /// <summary>Gets the variant for Germany.</summary>
    public static RuleVersion V2Germany { get; } = Policy.FindVersion("V2-DE")!;

    private static Policy Load()
    {
        ReadResult<Policy> read = PolicyJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "host-8.3.json")));
        return read.Value ?? throw new InvalidOperationException($"rules/host-8.3.json has problems: {read.Problems}");
    }
}
