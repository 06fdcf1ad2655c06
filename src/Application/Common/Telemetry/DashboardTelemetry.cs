using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CampaignDashboard.Application.Common.Telemetry;

/// <summary>
/// The dashboard's own traces and metrics, in the BCL's vocabulary (ActivitySource, Meter) so that no layer below the
/// API depends on an exporter. The API's OpenTelemetry set-up subscribes to <see cref="Name"/>.
/// No tag ever holds a filter value: customer names and mobiles are personal data.
/// </summary>
public static class DashboardTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "CampaignDashboard";

    /// <summary>The widget a database span ran for (its script name).</summary>
    public const string WidgetTag = "campaign.widget";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Seconds one uncached dashboard took to compute, all widgets together.</summary>
    public static Histogram<double> ComputationDuration { get; } = Meter.CreateHistogram<double>(
        "campaign.dashboard.computation.duration", unit: "s", description: "Time to compute one dashboard that was not in the response cache");

    /// <summary>Dashboard requests answered from the response cache.</summary>
    public static Counter<long> CacheHits { get; } = Meter.CreateCounter<long>(
        "campaign.dashboard.cache.hits", unit: "{request}", description: "Dashboard requests served from the response cache");

    /// <summary>Dashboard requests that had to be computed.</summary>
    public static Counter<long> CacheMisses { get; } = Meter.CreateCounter<long>(
        "campaign.dashboard.cache.misses", unit: "{request}", description: "Dashboard requests that were computed");

    /// <summary>A client span around one database command; <paramref name="dbSystem"/> is e.g. "duckdb" or "mssql".</summary>
    public static Activity? StartDatabaseCommand(string widget, string dbSystem)
    {
        var activity = Source.StartActivity($"{dbSystem} {widget}", ActivityKind.Client);
        activity?.SetTag("db.system.name", dbSystem);
        activity?.SetTag(WidgetTag, widget);
        return activity;
    }
}
