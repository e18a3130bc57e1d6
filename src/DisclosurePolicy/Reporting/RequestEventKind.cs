namespace DisclosurePolicy.Reporting;

/// <summary>The kinds of fact recorded over a request's life after it is received.</summary>
/// <remarks><para>The receipt itself is part of the decision record (<see cref="DecisionRecord.ReceivedAt"/> and the
/// request), so a request's history starts with <see cref="Decided"/>.</para></remarks>
public enum RequestEventKind
{
    /// <summary>Not a kind; refused everywhere.</summary>
    Unspecified = 0,

    /// <summary>The request was decided: the event carries the <see cref="DecisionRecord"/> (version id and content hash).</summary>
    Decided,

    /// <summary>The platform informed the issuing authority that it received the request.</summary>
    Acknowledged,

    /// <summary>Items were actually handed over; always a subset of what the decision permitted.</summary>
    Disclosed,

    /// <summary>The request was closed without any disclosure, with a reason.</summary>
    ClosedWithoutDisclosure,
}
