using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePolicy.Service.Errors;

/// <summary>Turns anything unexpected into a ProblemDetails answer without a stack trace: the status of a bad HTTP request
/// (such as 413 for a body over Kestrel's limit), else 500 with the trace id to look the failure up in the logs.</summary>
internal sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        string traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        var details = new ProblemDetails();
        if (exception is BadHttpRequestException bad)
        {
            details.Status = bad.StatusCode;
            details.Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The HTTP request is malformed.";
        }
        else
        {
            // The message can quote input (account references among it): the log gets the type and the stack only.
            Log.UnexpectedFailure(logger, traceId, exception.GetType().FullName ?? exception.GetType().Name, exception.StackTrace ?? string.Empty);
            details.Status = StatusCodes.Status500InternalServerError;
            details.Title = "An unexpected error occurred.";
            details.Detail = $"The failure is logged under trace id {traceId}.";
        }

        httpContext.Response.StatusCode = details.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
