using DisclosurePolicy.Requests;

namespace DisclosurePolicy.Cli;

/// <summary>A request read from an input, with where it came from (file name, and position in an array).</summary>
internal sealed record SourcedRequest(string Source, LegalRequest Request);
