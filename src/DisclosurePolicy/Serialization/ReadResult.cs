using System.Diagnostics.CodeAnalysis;

namespace DisclosurePolicy.Serialization;

/// <summary>
/// The outcome of reading one value from JSON (a request, a policy, a decision record, an event): the value when it
/// could be read, and every problem found, each with its path and the value at fault.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
/// <remarks>
/// <para>Problems include those of the JSON itself (malformed text with its line and position, wrong types, unknown or
/// repeated members) and those of the value's own validation, so one read reports everything.</para>
/// <para>A request is the one value kept although it is invalid, whenever its shape could be read, so that a host can
/// still record the engine's fail-closed decision on it; every other reader sets <see cref="Value"/> only when there is
/// no problem.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class ReadResult<T>
    where T : class
{
    internal ReadResult(T? value, ValidationResult problems, int? index = null)
    {
        Value = value;
        Problems = problems;
        Index = index;
    }

    /// <summary>Gets the value read, or <see langword="null"/> when it could not be read.</summary>
    public T? Value { get; }

    /// <summary>Gets every problem found; valid when there are none.</summary>
    public ValidationResult Problems { get; }

    /// <summary>Gets the position of the value in a JSON array, or <see langword="null"/> when it was read alone.</summary>
    public int? Index { get; }

    /// <summary>Gets a value indicating whether the value was read and has no problem.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null && Problems.IsValid;
}
