using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;

namespace DisclosurePolicy.Service.Apis;

/// <summary>
/// Reads the body of an event endpoint (<c>at</c>, and <c>items</c> or <c>reason</c>) with the library's event reader:
/// the route supplies the request id and the kind, the body the rest, and <see cref="RequestEventJson.Read"/> reports
/// every problem with its path, as it does for a record file's line.
/// </summary>
internal static class EventBody
{
    private static readonly string[] RouteMembers = ["schema", "event", "requestId"];

    /// <summary>Returns the event, or <see langword="null"/> with every problem added.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="kind">The kind the endpoint records.</param>
    /// <param name="history">The request's stored history; a disclosure without <c>items</c> hands over every item its
    /// decision permitted.</param>
    /// <param name="problems">Receives every problem.</param>
    public static RequestEvent? Read(string body, RequestEventKind kind, RequestHistory history, List<ValidationProblem> problems)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // The library's reader words a malformed document with its line and position.
            problems.AddRange(RequestEventJson.Read(body).Problems.Problems);
            return null;
        }

        if (node is not JsonObject members)
        {
            problems.Add(new("$", node?.ToJsonString(), $"expected an object with the {kind} event's members, such as {{\"at\": \"2025-02-12T09:30:00Z\"}}"));
            return null;
        }

        foreach (string name in RouteMembers.Where(members.ContainsKey))
        {
            problems.Add(new(name, members[name]?.ToJsonString(), "set by the route; leave it out of the body"));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        members["schema"] = RequestEventJson.Schema;
        members["event"] = kind.ToString();
        members["requestId"] = history.RequestId;
        if (kind == RequestEventKind.Disclosed && !members.ContainsKey("items"))
        {
            members["items"] = new JsonArray([.. history.Decision.Decision.Results
                .Where(r => r.Outcome == ItemOutcome.Permitted)
                .Select(r => (JsonNode)new JsonObject { ["accountReference"] = r.AccountReference, ["category"] = r.Category.ToString() })]);
        }

        ReadResult<RequestEvent> read = RequestEventJson.Read(members.ToJsonString());
        problems.AddRange(read.Problems.Problems);
        return read.IsValid ? read.Value : null;
    }
}
