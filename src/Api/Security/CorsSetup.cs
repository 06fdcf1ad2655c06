using CampaignDashboard.Application.Common.Exceptions;

namespace CampaignDashboard.Api.Security;

/// <summary>
/// Cross-origin access for single-page apps served from elsewhere: only the origins listed in Cors:AllowedOrigins,
/// none by default (the dashboard page the API serves itself is same-origin and needs none).
/// </summary>
public static class CorsSetup
{
    public const string SectionName = "Cors";

    /// <summary>The configured origins, each checked to be a bare scheme://host[:port].</summary>
    public static string[] ReadAllowedOrigins(IConfiguration configuration)
    {
        var origins = configuration.GetSection(SectionName).GetSection("AllowedOrigins").Get<string[]>() ?? [];
        return origins
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .Select(o => o.Trim().TrimEnd('/'))
            .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var uri)
                         && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                         && uri.GetLeftPart(UriPartial.Authority).Equals(o, StringComparison.OrdinalIgnoreCase)
                ? o
                : throw new StartupConfigurationException(
                    $"Cors:AllowedOrigins entry '{o}' is not an origin such as https://dashboard.example.com " +
                    "(scheme, host and optional port; no path, no wildcard). See docs/security.md."))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    public static IServiceCollection AddDashboardCors(this IServiceCollection services, IReadOnlyCollection<string> allowedOrigins)
    {
        services.AddCors(options =>
        {
            if (allowedOrigins.Count > 0)
            {
                options.AddDefaultPolicy(policy => policy
                    .WithOrigins([.. allowedOrigins])
                    .WithMethods(HttpMethods.Get)
                    .WithHeaders("Authorization", "Accept", "Content-Type")
                    .WithExposedHeaders("Retry-After")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
            }
        });
        return services;
    }
}
