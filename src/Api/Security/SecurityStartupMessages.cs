namespace CampaignDashboard.Api.Security;

internal static partial class SecurityStartupMessages
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Environment {Environment}, authentication off (Authentication:Mode=None): every /api route is open to anyone who can reach it")]
    public static partial void LogAuthenticationOff(this ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Environment {Environment}, authentication JWT bearer: audience {Audience}, {KeySource}")]
    public static partial void LogAuthenticationOn(this ILogger logger, string environment, string audience, string keySource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit on /api: {PermitLimit} requests per {WindowSeconds} s per client (RateLimiting:PermitLimit=0 turns it off)")]
    public static partial void LogRateLimit(this ILogger logger, int permitLimit, int windowSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limiting is off (RateLimiting:PermitLimit=0)")]
    public static partial void LogRateLimitOff(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "CORS: cross-origin requests allowed from {Origins}")]
    public static partial void LogCorsOrigins(this ILogger logger, string origins);

    public static void LogSecurity(this ILogger logger, IHostEnvironment environment, AuthenticationSettings authentication, RateLimitingSettings rateLimiting, IReadOnlyCollection<string> allowedOrigins)
    {
        if (authentication.Mode == AuthenticationMode.None)
        {
            logger.LogAuthenticationOff(environment.EnvironmentName);
        }
        else
        {
            logger.LogAuthenticationOn(environment.EnvironmentName, authentication.Audience!, authentication.SelfIssued
                ? $"self-issued tokens of issuer {authentication.Issuer} (symmetric key)"
                : $"tokens of {authentication.Authority}");
        }

        if (rateLimiting.Enabled)
        {
            logger.LogRateLimit(rateLimiting.PermitLimit, rateLimiting.WindowSeconds);
        }
        else
        {
            logger.LogRateLimitOff();
        }

        if (allowedOrigins.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogCorsOrigins(string.Join(", ", allowedOrigins));
        }
    }
}
