using System.Diagnostics;
using CampaignDashboard.Api.Controllers;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace CampaignDashboard.Api;

/// <summary>
/// Runs the dashboard endpoint once at start, before the server listens, over a window that holds no data (the
/// year 1), so that the first real request does not pay for compiling code (MVC's action, model binding, the
/// mediator pipeline, Dapper's readers, serialization) and preparing SQL. The endpoint is called in process, past
/// the middleware: no authentication or rate limit applies to it. It computes nothing a user asked for: the real
/// dashboards stay uncached.
/// </summary>
internal static partial class StartupWarmup
{
    public static async Task RunAsync(IEndpointRouteBuilder app, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var endpoint = app.DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is
                { ControllerTypeInfo: var controller, ActionName: nameof(CampaignController.GetDashboard) }
                && controller.AsType() == typeof(CampaignController));
        await using var scope = app.ServiceProvider.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/" + endpoint.RoutePattern.RawText;
        context.Request.QueryString = new QueryString("?start_date=0001-01-01&end_date=0001-01-01");
        context.Request.RouteValues = new RouteValueDictionary(endpoint.RoutePattern.RequiredValues);
        context.Response.Body = Stream.Null;
        context.SetEndpoint(endpoint);

        await endpoint.RequestDelegate!(context);
        // A context starts at 200: the JSON content type shows that the action did answer.
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType != "application/json")
        {
            throw new InvalidOperationException(
                $"The dashboard endpoint answered {context.Response.StatusCode} ({context.Response.ContentType}) to the warm-up request.");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogWarmedUp(logger, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up the dashboard endpoint in {ElapsedMilliseconds:0} ms")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMilliseconds);
}
