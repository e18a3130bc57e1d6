using Microsoft.AspNetCore.Http.HttpResults;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace DisclosurePolicy.Service.Errors;

/// <summary>The service's error answers, all ProblemDetails (RFC 9457): 400 naming every problem, 404, 409 and 413.</summary>
internal static class Problems
{
    /// <summary>A 400 listing every problem the library's validation found: in <c>errors</c> (path to messages, the
    /// ASP.NET Core shape) and in <c>problems</c> (path, value and why, one entry each).</summary>
    public static HttpValidationProblem Invalid(IReadOnlyCollection<ValidationProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value is null ? p.Message : $"'{p.Value}': {p.Message}").ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            errors,
            title: problems.Count == 1 ? "The input has a problem." : $"The input has {problems.Count} problems.",
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = problems.Select(p => new ProblemEntry(p.Path, p.Value, p.Message)).ToArray(),
            });
    }

    /// <summary>A 400 for one problem.</summary>
    public static HttpValidationProblem Invalid(string path, string? value, string message) => Invalid([new ValidationProblem(path, value, message)]);

    /// <summary>A 404 for a request id with no recorded decision.</summary>
    public static ProblemHttpResult UnknownRequest(string requestId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No decision is recorded for this request.",
        detail: $"Request '{requestId}' is unknown; submit it first (POST /requests).");

    /// <summary>A 409 naming every conflict with what is already recorded.</summary>
    public static ProblemHttpResult Conflict(string title, IEnumerable<string> conflicts)
    {
        string[] all = [.. conflicts];
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: title,
            detail: string.Join("; ", all),
            extensions: new Dictionary<string, object?> { ["conflicts"] = all });
    }

    /// <summary>A 413 naming the limit.</summary>
    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"A body may hold at most {limit} bytes.");
}
