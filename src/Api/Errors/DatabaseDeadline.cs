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
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var clientAborted = context.RequestAborted;
            using var deadline = new CancellationTokenSource(limit);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadline.Token);
            var feature = new DeadlineFeature(limit, deadline.Token);
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

    /// <summary>Whether the request's database deadline passed (the client was still there).</summary>
    public static bool Expired(HttpContext context, out TimeSpan limit)
    {
        var feature = context.Features.Get<DeadlineFeature>();
        limit = feature?.Limit ?? TimeSpan.Zero;
        return feature is not null && feature.Token.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested;
    }

    private sealed record DeadlineFeature(TimeSpan Limit, CancellationToken Token);
}
