using DisclosurePolicy.Reporting;

namespace DisclosurePolicy.Service.Records;

/// <summary>What writing one event did, and the request's history as stored after it.</summary>
/// <param name="Outcome">Whether the event was new or already stored.</param>
/// <param name="History">The request's history including the event.</param>
internal sealed record WriteResult(RecordOutcome Outcome, RequestHistory History);
