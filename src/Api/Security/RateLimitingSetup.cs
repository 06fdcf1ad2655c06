using System.Globalization;
using System.Threading.RateLimiting;
using CampaignDashboard.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CampaignDashboard.Api.Security;

/// <summary>The "RateLimiting" configuration section: PermitLimit requests per WindowSeconds per client; 0 turns it off.</summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests one client may make to /api per window; 0 turns rate limiting off.</summary>
    public int PermitLimit { get; init; } = 600;

    public int WindowSeconds { get; init; } = 60;

    public bool Enabled => PermitLimit > 0;

    public static RateLimitingSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<RateLimitingSettings>() ?? new RateLimitingSettings();
        if (settings.PermitLimit < 0 || settings.WindowSeconds < 1)
        {
            throw new StartupConfigurationException(
                $"RateLimiting:PermitLimit must be 0 (off) or more and RateLimiting:WindowSeconds at least 1; " +
                $"they are {settings.PermitLimit} and {settings.WindowSeconds}. See docs/security.md.");
        }

        return settings;
    }
}

/// <summary>
/// The built-in rate limiter on /api: a fixed window per client, the client being the token's subject when the
/// request is authenticated, else the remote address. Health probes, the page and Swagger are not limited. A
/// rejected request gets 429 problem details with Retry-After.
/// </summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddDashboardRateLimiting(this IServiceCollection services, RateLimitingSettings settings)
    {
        if (!settings.Enabled)
        {
            return services;
        }

        var window = TimeSpan.FromSeconds(settings.WindowSeconds);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, _) => RejectAsync(context, settings);
        });
        return services;
    }

    /// <summary>The partition of a request: "sub:&lt;subject&gt;" when authenticated, else "ip:&lt;address&gt;" ("ip:unknown" when there is none, as in-process).</summary>
    public static string ClientOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitingSettings settings)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"At most {settings.PermitLimit} requests per {settings.WindowSeconds} s per client; retry after {seconds} s."),
            },
        });
    }
}
