using Microsoft.AspNetCore.Mvc.Filters;

namespace CampaignDashboard.Api.Errors;

/// <summary>
/// The most time one /api request may spend waiting on the database: Database:CommandTimeoutSeconds (0 = no limit).
/// SQL Server enforces it per command; the DuckDB driver ignores command timeouts, so it is enforced here for every
/// engine: the request's cancellation token (which every query receives) is cancelled when it passes, the queries
/// are interrupted, and <see cref="ProblemDetailsExceptionHandler"/> answers 503. A client that disconnects still
/// cancels its queries through the same token.
/// </summary>
public static class DatabaseDeadline
{
    public static IApplicationBuilder UseDatabaseDeadline(this IApplicationBuilder app, int commandTimeoutSeconds)
    {
        if (commandTimeoutSeconds <= 0)
        {
            return app;
        }

        var limit = TimeSpan.FromSeconds(commandTimeoutSeconds);
        return app.Use(async (context, next) =>
        {
            // An import handed to the API takes as long as its files (ADR 8): it is bounded by its client, not by this.
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/api/imports", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var clientAborted = context.RequestAborted;
            using var deadline = new CancellationTokenSource(limit);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadline.Token);
            var feature = new DeadlineFeature(limit, clientAborted);
            context.Features.Set(feature);
            context.RequestAborted = linked.Token;
            try
            {
                await next(context);
            }
            finally
            {
                // Outer middleware (the exception handler) sees the client's own token again.
                context.RequestAborted = clientAborted;
            }
        });
    }

    /// <summary>The request's database deadline (Database:CommandTimeoutSeconds); zero without one.</summary>
    public static TimeSpan Limit(HttpContext context) => context.Features.Get<DeadlineFeature>()?.Limit ?? TimeSpan.Zero;

    private sealed record DeadlineFeature(TimeSpan Limit, CancellationToken ClientAborted);

    /// <summary>
    /// The deadline bounds the database work, not the sending of its answer: before an action's result is written
    /// (the dashboard's body, a customers page), the request's token is the client's own again. A deadline passing
    /// while a computed 200 is being written would otherwise cut the response off and reset the connection.
    /// </summary>
    public sealed class EndsBeforeTheResponse : IAsyncAlwaysRunResultFilter
    {
        public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            if (context.HttpContext.Features.Get<DeadlineFeature>() is { } feature)
            {
                context.HttpContext.RequestAborted = feature.ClientAborted;
            }

            return next();
        }
    }
}
