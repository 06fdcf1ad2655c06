using System.Diagnostics;
using CampaignDashboard.Api.Controllers;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace CampaignDashboard.Api;

/// <summary>
/// Runs the dashboard endpoint and the customers list once at start, before the server listens, so that the first
/// real request does not pay for compiling code (MVC's action, model binding, the mediator pipeline, Dapper's
/// readers, serialization) and preparing SQL. The dashboard is the default one, the page's first request: it stays in
/// the response cache (and its window's scored population in the population cache), so the first visitor is served
/// warm. The customers list runs over a window that holds no data (the year 1). The endpoints are called in process,
/// past the middleware: no authentication or rate limit applies to them.
/// </summary>
internal static partial class StartupWarmup
{
    private const string EmptyWindow = "?start_date=0001-01-01&end_date=0001-01-01";
    private const string DefaultDashboard = "";

    public static async Task RunAsync(IEndpointRouteBuilder app, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var endpoints = app.DataSources.SelectMany(source => source.Endpoints).ToArray();
        await DefaultDashboardAsync(endpoints, app.ServiceProvider, cancellationToken);
        await CallAsync(endpoints, app.ServiceProvider, typeof(CustomersController), nameof(CustomersController.GetCustomers), EmptyWindow + "&r_score=5", cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogWarmedUp(logger, elapsed.TotalMilliseconds);
    }

    /// <summary>Computes the default dashboard through its endpoint, into the response and population caches.</summary>
    public static Task DefaultDashboardAsync(IReadOnlyList<Endpoint> endpoints, IServiceProvider services, CancellationToken cancellationToken) =>
        CallAsync(endpoints, services, typeof(CampaignController), nameof(CampaignController.GetDashboard), DefaultDashboard, cancellationToken);

    private static async Task CallAsync(
        IReadOnlyList<Endpoint> endpoints, IServiceProvider services, Type controllerType, string action, string query, CancellationToken cancellationToken)
    {
        var endpoint = endpoints
            .OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { ControllerTypeInfo: var controller, ActionName: var name }
                && name == action && controller.AsType() == controllerType);
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/" + endpoint.RoutePattern.RawText;
        context.Request.QueryString = new QueryString(query);
        context.Request.RouteValues = new RouteValueDictionary(endpoint.RoutePattern.RequiredValues);
        context.Response.Body = Stream.Null;
        context.SetEndpoint(endpoint);

        await endpoint.RequestDelegate!(context);
        // A context starts at 200: the JSON content type shows that the action did answer.
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException(
                $"The {action} endpoint answered {context.Response.StatusCode} ({context.Response.ContentType}) to the warm-up request.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up the dashboard and customers endpoints in {ElapsedMilliseconds:0} ms")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMilliseconds);
}
