using System.Diagnostics;
using CampaignDashboard.Application.Common.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CampaignDashboard.Api.ServiceDefaults;

/// <summary>
/// OpenTelemetry traces and metrics, all in one place: ASP.NET Core, HttpClient and the dashboard's own source and
/// meter (<see cref="DashboardTelemetry"/>), exported by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the other
/// standard OTEL_EXPORTER_OTLP_* settings apply); when it is not set nothing is registered at all.
/// </summary>
/// <remarks>
/// No attribute holds personal data: the query string (customer_name, customer_mobile) is never recorded, neither
/// redacted nor in full, and exceptions are not recorded on spans (their messages may quote a filter value).
/// Logs are not exported here: they stay with Serilog and its redactor.
/// </remarks>
public static class TelemetrySetup
{
    /// <summary>The configuration key (an environment variable) that turns telemetry on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service.name resource attribute.</summary>
    public const string ServiceName = "campaign-dashboard";

    // Semantic-convention attributes that carry the query string.
    private const string UrlQuery = "url.query";
    private const string UrlFull = "url.full";

    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
        {
            return services;
        }

        // Per signal rather than UseOtlpExporter(), which would also turn on OpenTelemetry logging.
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.RecordException = false;
                    options.EnrichWithHttpRequest = static (activity, _) => activity.SetTag(UrlQuery, null);
                    options.EnrichWithHttpResponse = static (activity, _) => activity.SetTag(UrlQuery, null);
                })
                .AddHttpClientInstrumentation(options =>
                {
                    options.RecordException = false;
                    options.EnrichWithHttpRequestMessage = static (activity, request) => RemoveQuery(activity, request.RequestUri);
                    options.EnrichWithHttpResponseMessage = static (activity, response) => RemoveQuery(activity, response.RequestMessage?.RequestUri);
                })
                .AddSource(DashboardTelemetry.Name)
                .AddInstrumentation(static () => new ExceptionMessageScrubber())
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(DashboardTelemetry.Name)
                .AddOtlpExporter());
        return services;
    }

    /// <summary>
    /// The runtime's HttpClient (.NET 10) records an exception event on its span itself, whatever RecordException
    /// says, with the message and <see cref="Exception.ToString"/> (every inner message too). This listener, alive as
    /// long as the tracer provider, has every exception event of the exported sources keep only the type and the stack.
    /// It samples nothing: it only takes part in <see cref="Activity.AddException"/>.
    /// </summary>
    private sealed class ExceptionMessageScrubber : IDisposable
    {
        private readonly ActivityListener _listener = new()
        {
            ShouldListenTo = static source => source.Name is "System.Net.Http" or "Microsoft.AspNetCore" or DashboardTelemetry.Name,
            ExceptionRecorder = static (Activity _, Exception exception, ref TagList tags) =>
            {
                tags.Add("exception.message", exception.GetType().FullName);
                tags.Add("exception.stacktrace", exception.StackTrace ?? string.Empty);
            },
        };

        public ExceptionMessageScrubber() => ActivitySource.AddActivityListener(_listener);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>url.full without its query (and without user info): scheme, host, port and path only.</summary>
    private static void RemoveQuery(Activity activity, Uri? uri)
    {
        activity.SetTag(UrlQuery, null);
        activity.SetTag(UrlFull, uri is { IsAbsoluteUri: true }
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : null);
    }
}
