using System.Diagnostics;
using System.Text.Json;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Api;

/// <summary>
/// Runs the whole dashboard pipeline once at start over a window that holds no data (the year 1), so that the first
/// real request does not pay for compiling code and preparing SQL. It computes nothing a user asked for: the real
/// dashboards stay uncached.
/// </summary>
internal static partial class StartupWarmup
{
    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new GetDashboardQuery(StartDate: "0001-01-01", EndDate: "0001-01-01"), cancellationToken);
        JsonSerializer.SerializeToUtf8Bytes(dashboard, scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogWarmedUp(logger, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up the dashboard pipeline in {ElapsedMilliseconds:0} ms")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMilliseconds);
}
