using System.Globalization;
using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Errors;

/// <summary>
/// Turns exceptions into RFC 9457 problem details. Only what the client can act on is said; internals
/// (messages, stack traces) stay in the log.
/// </summary>
/// <remarks>
/// Since .NET 10 the exception handler middleware does not log exceptions a handler handled: failures are logged
/// here, at Error with the exception, whether they are answered 503 (the database is unavailable) or 500.
/// </remarks>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, DatabaseDamage damage, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Not an HTTP status a client sees: the client closed the request (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>The Retry-After of a 503: a database that is restarting, failing over or unlocked is usually back by then.</summary>
    public static readonly TimeSpan RetryUnavailableAfter = TimeSpan.FromSeconds(5);

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

            case ImportRejectedException rejected:
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The import was rejected; nothing was changed.",
                        Detail = rejected.Message,
                        Extensions =
                        {
                            // Each error as {source, line, column, reason}: `campaign import` prints them as file:line: column: reason.
                            ["import_errors"] = rejected.Errors,
                            ["more_errors"] = rejected.MoreErrors,
                        },
                    },
                });

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                LogClientClosed(httpContext.Request.Path);
                httpContext.Response.StatusCode = ClientClosedRequest;
                return true;

            // The request's deadline, or the command timeout of a population build it shared with earlier requests
            // (a TimeoutException): the database did not answer in time. A cancellation is never a 500.
            case OperationCanceledException or TimeoutException:
                LogDeadlinePassed(exception, httpContext.Request.Path, DatabaseDeadline.Limit(httpContext).TotalSeconds);
                return await WriteUnavailableAsync(httpContext, exception, retry: true,
                    "The database did not answer in time. Retry shortly; if it persists, narrow the date window.");

            case var _ when DatabaseFaults.Classify(exception) is var fault && fault is not DatabaseFault.Defect:
                if (fault is DatabaseFault.Damaged)
                {
                    // Readiness fails from now on; the log says which file and what to do, the client only what happened.
                    var description = damage.Record(exception);
                    LogDatabaseDamaged(exception, httpContext.Request.Path, description);
                    return await WriteUnavailableAsync(httpContext, exception, retry: false,
                        "The database file is damaged; retrying will not help. An operator must restore it from a backup or import the data again (see the service's log).");
                }

                LogDatabaseUnavailable(exception, httpContext.Request.Path, exception.GetType().Name);
                return await WriteUnavailableAsync(httpContext, exception, retry: true,
                    "The database cannot be reached right now. Retry shortly; the service recovers by itself when it is back.");

            default:
                LogUnexpected(exception, httpContext.Request.Path, exception.GetType().Name);
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

    /// <summary>A 503; with <paramref name="retry"/>, a Retry-After that invites the client back.</summary>
    private async ValueTask<bool> WriteUnavailableAsync(HttpContext httpContext, Exception exception, bool retry, string detail)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (retry)
        {
            httpContext.Response.Headers.RetryAfter = ((int)RetryUnavailableAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable.",
                Detail = detail,
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The client closed {Path} before it was answered; its queries were cancelled")]
    private partial void LogClientClosed(PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: the database did not answer within {LimitSeconds} s (Database:CommandTimeoutSeconds); its queries were cancelled, answered 503")]
    private partial void LogDeadlinePassed(Exception exception, PathString path, double limitSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: the database is unavailable ({ExceptionType}), answered 503")]
    private partial void LogDatabaseUnavailable(Exception exception, PathString path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Path}: {Damage} Answered 503; readiness fails until a restart over a repaired file")]
    private partial void LogDatabaseDamaged(Exception exception, PathString path, string damage);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: unexpected {ExceptionType}, answered 500")]
    private partial void LogUnexpected(Exception exception, PathString path, string exceptionType);
}
