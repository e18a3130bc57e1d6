namespace DisclosurePolicy.Service.Errors;

/// <summary>One problem of a bad input as a 400 answer lists it: the path, the value found there and why it is wrong.</summary>
/// <param name="Path">The path of the offending field, such as <c>subjects[0].status</c>.</param>
/// <param name="Value">The offending value as text, or <see langword="null"/> when it was missing.</param>
/// <param name="Message">Why the value is wrong.</param>
internal sealed record ProblemEntry(string Path, string? Value, string Message);
