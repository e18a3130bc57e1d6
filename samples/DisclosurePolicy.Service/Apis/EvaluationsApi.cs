using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Serialization;
using DisclosurePolicy.Service.Errors;
using DisclosurePolicy.Service.Hosting;
using DisclosurePolicy.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace DisclosurePolicy.Service.Apis;

/// <summary><c>/evaluations</c>: decides a request without recording it ("what would the rule say?").</summary>
internal static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Evaluations");
        group.MapPost(string.Empty, Evaluate)
            .RequireAuthorization(Roles.AnyRole)
            .WithName("EvaluateRequest")
            .WithSummary("Decides a request (documented request format) and returns its decision record without storing it.")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return group;
    }

    private static async Task<Results<ContentHttpResult, HttpValidationProblem, ProblemHttpResult>> Evaluate(
        HttpRequest http,
        DisclosureEngine engine,
        IOptions<ServiceOptions> options,
        string? version,
        string? receivedAt,
        CancellationToken cancellationToken)
    {
        long limit = options.Value.MaxRequestBodyBytes;
        string? body = await RequestBody.ReadAsync(http, limit, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(limit);
        }

        var problems = new List<ValidationProblem>();
        DecisionRecord? record = DecisionDraft.Decide(engine, body, receivedAt, version, problems);
        if (record is null)
        {
            return Problems.Invalid(problems);
        }

        return TypedResults.Content(DecisionRecordJson.Write(record, indented: false), "application/json");
    }
}
