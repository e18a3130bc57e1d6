namespace DisclosurePolicy.LoadTest;

/// <summary>What the store holds after the run, against what the clients had accepted.</summary>
/// <param name="Requests">Requests of this run in the store.</param>
/// <param name="Expected">Requests the service accepted (201).</param>
/// <param name="Missing">Accepted requests the store does not hold.</param>
/// <param name="Duplicated">Requests held more than once (or with a repeated event).</param>
/// <param name="WithoutDisclosure">Requests whose accepted disclosure the store does not hold.</param>
internal sealed record StoreCount(long Requests, long Expected, long Missing, long Duplicated, long WithoutDisclosure);
