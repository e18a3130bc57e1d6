namespace DisclosurePolicy.Fuzz;

/// <summary>What one read gave: whether the input was read without a problem, and what broke the readers' contract.</summary>
internal readonly record struct Verdict(bool Clean, string? Finding)
{
    public static Verdict Of(bool clean) => new(clean, null);

    public static Verdict Broken(string finding) => new(false, finding);
}
