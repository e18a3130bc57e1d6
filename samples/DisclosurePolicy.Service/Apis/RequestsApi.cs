using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Service.Errors;
using DisclosurePolicy.Service.Hosting;
using DisclosurePolicy.Service.Records;
using DisclosurePolicy.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace DisclosurePolicy.Service.Apis;

/// <summary><c>/requests</c>: a request's whole life. Intake submits it (decided and recorded) and acknowledges its
/// receipt; legal records the disclosure or the closing; the auditor reads the record and its events.</summary>
internal static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Requests");
        group.MapPost(string.Empty, Submit)
            .RequireAuthorization(Roles.Intake)
            .WithName("SubmitRequest")
            .WithSummary("Decides a request (documented request format) and records the decision: 201 with the decision record, "
                + "200 when the same decision was already recorded, 409 when a different one was.")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status201Created, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{requestId}", Read)
            .RequireAuthorization(Roles.Auditor)
            .WithName("ReadRequest")
            .WithSummary("The request's decision record and the events after it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapEvent(group, "acknowledgement", RequestEventKind.Acknowledged, Roles.Intake, "AcknowledgeRequest",
            "Records that the issuing authority was informed of the receipt: {\"at\": instant}.");
        MapEvent(group, "disclosures", RequestEventKind.Disclosed, Roles.Legal, "RecordDisclosure",
            "Records the items actually handed over: {\"at\": instant, \"items\": [{\"accountReference\", \"category\"}]}; "
                + "without items, every item the decision permitted.");
        MapEvent(group, "closing", RequestEventKind.ClosedWithoutDisclosure, Roles.Legal, "CloseRequest",
            "Records that the request was closed without disclosure: {\"at\": instant, \"reason\": text}.");
        return group;
    }

    // The three events of a request's life share their route shape, answers and errors; only the role differs.
    private static void MapEvent(RouteGroupBuilder group, string path, RequestEventKind kind, string role, string name, string summary) =>
        group.MapPost($"/{{requestId}}/{path}", (string requestId, HttpRequest http, Dependencies d, CancellationToken ct) =>
                AppendAsync(requestId, kind, http, d, ct))
            .RequireAuthorization(role)
            .WithName(name)
            .WithSummary(summary)
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status201Created, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<Results<ContentHttpResult, HttpValidationProblem, ProblemHttpResult>> Submit(
        HttpRequest http,
        Dependencies d,
        string? receivedAt,
        CancellationToken cancellationToken)
    {
        string? body = await RequestBody.ReadAsync(http, d.Options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            Log.BodyTooLarge(d.Logger, d.Options.Value.MaxRequestBodyBytes);
            return Problems.TooLarge(d.Options.Value.MaxRequestBodyBytes);
        }

        var problems = new List<ValidationProblem>();
        DecisionRecord? record = DecisionDraft.Decide(d.Engine, body, receivedAt, null, problems);
        if (record is null)
        {
            return Problems.Invalid(problems);
        }

        try
        {
            // Read before queueing, off the writer's path: a retry of a recorded decision is answered from here.
            long before = d.Writer.CommittedFor(record.RequestId);
            RequestHistory? seen = await d.Store.FindHistoryAsync(record.RequestId, cancellationToken);
            if (seen is not null && RequestHistory.Apply(seen, RequestEvent.Decided(record), out _) == seen)
            {
                Log.AlreadyRecorded(d.Logger, record.RequestId);
                return TypedResults.Content(DecisionRecordJson.Write(seen.Decision, indented: false), "application/json");
            }

            WriteResult written = await d.Writer.WriteAsync(RequestEvent.Decided(record), seen, before);
            string json = DecisionRecordJson.Write(written.History.Decision, indented: false);
            if (written.Outcome == RecordOutcome.Recorded)
            {
                Log.Recorded(d.Logger, record.RequestId, record.Outcome.ToString(), record.VersionId ?? "no version");
                http.HttpContext.Response.Headers.Location = Location(record.RequestId);
                return TypedResults.Content(json, "application/json", statusCode: StatusCodes.Status201Created);
            }

            Log.AlreadyRecorded(d.Logger, record.RequestId);
            return TypedResults.Content(json, "application/json");
        }
        catch (RecordConflictException ex)
        {
            Log.RecordConflict(d.Logger, record.RequestId, string.Join(", ", ex.Differences));
            return Problems.Conflict(
                $"Request '{record.RequestId}' is already recorded with a different decision; the earlier record stands.",
                ex.Differences.Select(member => $"{member} differs"));
        }
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Read(string requestId, IDecisionRecorder store, CancellationToken cancellationToken)
    {
        RequestHistory? history = await store.FindHistoryAsync(requestId, cancellationToken);
        return history is null ? Problems.UnknownRequest(requestId) : TypedResults.Content(HistoryJson.Write(history), "application/json");
    }

    private static async Task<Results<ContentHttpResult, HttpValidationProblem, ProblemHttpResult>> AppendAsync(
        string requestId,
        RequestEventKind kind,
        HttpRequest http,
        Dependencies d,
        CancellationToken cancellationToken)
    {
        string? body = await RequestBody.ReadAsync(http, d.Options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            Log.BodyTooLarge(d.Logger, d.Options.Value.MaxRequestBodyBytes);
            return Problems.TooLarge(d.Options.Value.MaxRequestBodyBytes);
        }

        // A request written moments ago by this service is taken from the writer instead of read back from the store.
        if (!d.Writer.TryGetRecent(requestId, out RequestHistory? history, out long before))
        {
            before = d.Writer.CommittedFor(requestId);
            history = await d.Store.FindHistoryAsync(requestId, cancellationToken);
        }

        if (history is null)
        {
            return Problems.UnknownRequest(requestId);
        }

        var problems = new List<ValidationProblem>();
        RequestEvent? requestEvent = EventBody.Read(body, kind, history, problems);
        if (requestEvent is null)
        {
            return Problems.Invalid(problems);
        }

        try
        {
            WriteResult written = await d.Writer.WriteAsync(requestEvent, history, before);
            // The event as recorded, not the whole history: the record can be large, and GET /requests/{id} has it.
            string json = RequestEventJson.Write(requestEvent);
            if (written.Outcome == RecordOutcome.Recorded)
            {
                Log.EventRecorded(d.Logger, requestId, kind.ToString());
                http.HttpContext.Response.Headers.Location = Location(requestId);
                return TypedResults.Content(json, "application/json", statusCode: StatusCodes.Status201Created);
            }

            return TypedResults.Content(json, "application/json");
        }
        catch (RequestEventConflictException ex)
        {
            Log.EventRefused(d.Logger, requestId, kind.ToString(), ex.Problems.Count);
            return Problems.Conflict($"The {kind} event contradicts what is recorded for request '{requestId}'; nothing was written.", ex.Problems);
        }
    }

    private static string Location(string requestId) => $"/requests/{Uri.EscapeDataString(requestId)}";

    /// <summary>What the handlers use, one service from the container.</summary>
    internal sealed class Dependencies(DisclosureEngine engine, IDecisionRecorder store, RecordWriter writer, IOptions<ServiceOptions> options, ILoggerFactory loggers)
    {
        public DisclosureEngine Engine { get; } = engine;

        public IDecisionRecorder Store { get; } = store;

        public RecordWriter Writer { get; } = writer;

        public IOptions<ServiceOptions> Options { get; } = options;

        public ILogger Logger { get; } = loggers.CreateLogger("DisclosurePolicy.Service.Requests");
    }
}
