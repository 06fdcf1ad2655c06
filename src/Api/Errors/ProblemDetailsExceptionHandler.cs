using CampaignDashboard.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Errors;

/// <summary>
/// Turns exceptions into RFC 9457 problem details. Only what the client can act on is said; internals
/// (messages, stack traces) stay in the log.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Not an HTTP status a client sees: the client closed the request (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case RequestValidationException validation:
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = new HttpValidationProblemDetails(validation.Errors.ToDictionary())
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "One or more query parameters are invalid.",
                        Detail = string.Join(" ", validation.Errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}.")),
                    },
                });

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                LogClientClosed(httpContext.Request.Path);
                httpContext.Response.StatusCode = ClientClosedRequest;
                return true;

            default:
                httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status500InternalServerError,
                        Title = "An unexpected error occurred.",
                        Detail = "The failure was logged; quote the traceId when reporting it.",
                    },
                });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The client closed {Path} before it was answered; its queries were cancelled")]
    private partial void LogClientClosed(PathString path);
}
